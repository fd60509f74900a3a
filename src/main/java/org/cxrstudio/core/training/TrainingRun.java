package org.cxrstudio.core.training;

import ai.djl.engine.Engine;
import org.cxrstudio.core.eval.EvalSummary;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.data.BalancedSampler;
import org.cxrstudio.core.training.data.Normalization;
import org.cxrstudio.core.training.data.TensorCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run's epoch loop: per-batch steps with cancellation and time-budget checks,
 * per-epoch validation, best-model tracking and checkpoints. Created and used by {@link Trainer}
 * on one thread.
 */
final class TrainingRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    /** Learning-rate floor of the cosine schedule, as a fraction of the peak. */
    static final double LR_FLOOR = 0.05;

    private final TrainingConfig c;
    private final PreparedData data;
    private final TensorCache cache;
    private final StudentNet net;
    private final AdamW opt;
    private final TeacherTargets teacher;
    private final Checkpoints ckpt;
    private final RunState state;
    private final Preprocessing pre;
    private final BatchAssembler assembler;
    private final TrainingStep step;
    private final ProgressListener progress;
    private final CancellationToken cancel;

    TrainingRun(TrainingConfig c, PreparedData data, TensorCache cache, StudentNet net, AdamW opt,
                TeacherTargets teacher, Checkpoints ckpt, RunState state, ProgressListener progress,
                CancellationToken cancel) {
        this.c = c;
        this.data = data;
        this.cache = cache;
        this.net = net;
        this.opt = opt;
        this.teacher = teacher;
        this.ckpt = ckpt;
        this.state = state;
        this.pre = c.preprocessing();
        this.assembler = new BatchAssembler(data.samples(), cache, pre, teacher, c.temperature(), c.aals(), c.augment(),
                c.boxWeight() > 0 ? net.camWidth() : 0, net.camHeight());
        this.step = new TrainingStep(net, opt, TrainingStep.Weights.of(c));
        this.progress = progress;
        this.cancel = cancel;
    }

    int batchesPerEpoch() {
        return Math.max(1, data.train().length / c.batchSize());
    }

    /**
     * Trains until all epochs are done or the budget is used up.
     *
     * @param startNanos when this invocation's budget started
     * @return {@link TrainingResult#COMPLETED} or {@link TrainingResult#TIME_BUDGET}
     * @throws CancelledException after saving a checkpoint, when cancelled
     */
    String loop(long startNanos) throws IOException {
        BalancedSampler sampler = new BalancedSampler(data.trainSamples(), c.sameSourceBoost());
        int bpe = batchesPerEpoch();
        long totalBatches = (long) c.epochs() * bpe;
        long doneAtStart = (long) state.epoch * bpe + state.batchInEpoch;
        long lastSave = System.nanoTime();
        while (state.epoch < c.epochs()) {
            int[] order = sampler.epochOrder(c.seed(), state.epoch);
            long epochStart = System.nanoTime();
            int firstBatch = state.batchInEpoch;
            if (firstBatch == 0) {
                Engine.getEngine(StudentNet.ENGINE).setRandomSeed((int) (c.seed() * 31 + state.epoch));
            }
            boolean budgetHit = false;
            for (int b = firstBatch; b < bpe; b++) {
                if (cancel.isCancelled()) {
                    saveCheckpoint(startNanos);
                    throw new CancelledException();
                }
                int n = Math.min(c.batchSize(), order.length);
                int[] idx = new int[n];
                for (int j = 0; j < n; j++) {
                    idx[j] = data.train()[order[b * c.batchSize() + j]];
                }
                float loss = step.run(assembler.build(idx, c.seed(), state.epoch, b), learningRate(state.epoch, b, bpe, startNanos));
                state.runningLoss += loss;
                state.runningBatches++;
                state.batchInEpoch = b + 1;
                long done = (long) state.epoch * bpe + b + 1;
                reportProgress(done, totalBatches, doneAtStart, startNanos, bpe, loss);
                if (overBudget(startNanos)) {
                    budgetHit = true;
                    if (b + 1 < bpe) {
                        return stopOnBudget(startNanos, epochStart, b + 1 - firstBatch);
                    }
                }
                if (System.nanoTime() - lastSave > 10L * 60 * 1_000_000_000L) {
                    saveCheckpoint(startNanos); // long epochs: never lose more than ~10 minutes to a kill
                    lastSave = System.nanoTime();
                }
            }
            endEpoch(state.epoch + 1, false, startNanos, epochStart, bpe - firstBatch);
            lastSave = System.nanoTime();
            if (budgetHit) {
                return TrainingResult.TIME_BUDGET;
            }
        }
        return TrainingResult.COMPLETED;
    }

    private String stopOnBudget(long startNanos, long epochStart, int batchesThisEpoch) throws IOException {
        double frac = (double) state.batchInEpoch / batchesPerEpoch();
        LOG.info("time budget reached in epoch {} after {} batches", state.epoch + 1, state.batchInEpoch);
        endEpoch(state.epoch + frac, true, startNanos, epochStart, batchesThisEpoch);
        return TrainingResult.TIME_BUDGET;
    }

    private boolean overBudget(long startNanos) {
        return c.timeBudget() != null && System.nanoTime() - startNanos >= c.timeBudget().toNanos();
    }

    /** Validates, records the epoch (or partial epoch), keeps the best weights, checkpoints. */
    private void endEpoch(double epochValue, boolean partial, long startNanos, long epochStart, int batches)
            throws IOException {
        double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
        Validation v = validate();
        double trainLoss = state.runningBatches == 0 ? Double.NaN : state.runningLoss / state.runningBatches;
        boolean best = v.score() > state.bestScore;
        if (!partial) {
            state.epoch++;
            state.batchInEpoch = 0;
            state.runningLoss = 0;
            state.runningBatches = 0;
        }
        EvalSummary p = v.report().pooled();
        Map<String, Double> sourceAuc = new LinkedHashMap<>();
        v.report().groups().forEach((g, s) -> {
            if (s.auc() != null) {
                sourceAuc.put(g, s.auc());
            }
        });
        state.elapsedMs += (System.nanoTime() - epochStart) / 1_000_000;
        EpochMetrics m = new EpochMetrics(epochValue, trainLoss, v.loss(), p.auc(), v.sameSourceAuc(), p.miou(),
                p.specificityAtSens90(), v.score(), sourceAuc, state.elapsedMs / 1000.0,
                batches * (double) c.batchSize() / Math.max(1e-9, trainSeconds), best);
        state.history.add(m);
        if (best) {
            state.bestScore = v.score();
            state.bestEpoch = epochValue;
            state.bestThreshold = p.thresholdAtSens90() != null ? p.thresholdAtSens90() : 0.5;
            Map<String, Object> bv = new LinkedHashMap<>(v.report().toJsonMap());
            bv.put("loss", v.loss());
            bv.put("same_source_auc", v.sameSourceAuc());
            bv.put("selection_score", v.score());
            bv.put("epoch", epochValue);
            state.bestValidation = bv;
            ckpt.saveBest(net);
        }
        saveCheckpoint(startNanos);
        progress.log(String.format("epoch %s%s: train loss %.4f, %s, %.1f img/s%s", fmtEpoch(epochValue),
                partial ? " (partial, time budget)" : "", trainLoss, v.summaryLine(), m.imagesPerSecond(),
                best ? "  [best]" : ""));
    }

    private void saveCheckpoint(long startNanos) throws IOException {
        state.cardJson = CardInfo.card(c, data, state, "checkpoint", state.bestValidation).toJson();
        ckpt.save(state, net, opt);
        MetricsLog.write(c.out(), state.history);
    }

    /** Validation of the current weights on the validation images (no augmentation). */
    Validation validate() {
        int[] val = data.val();
        int s = cache.size();
        float[] prob = new float[val.length];
        float[][] cams = new float[val.length][];
        int[] w = new int[val.length];
        int[] h = new int[val.length];
        float[] plane = new float[s * s];
        for (int first = 0; first < val.length; first += c.batchSize()) {
            int k = Math.min(c.batchSize(), val.length - first);
            float[] x = new float[k * s * s];
            for (int j = 0; j < k; j++) {
                int g = val[first + j];
                cache.read(g, plane);
                Normalization.apply(plane, pre);
                System.arraycopy(plane, 0, x, j * s * s, s * s);
                w[first + j] = cache.originalWidth(g);
                h[first + j] = cache.originalHeight(g);
            }
            StudentNet.Predictions p = net.predict(x, k);
            System.arraycopy(p.probability(), 0, prob, first, k);
            System.arraycopy(p.cams(), 0, cams, first, k);
        }
        return Validation.of(data.valSamples(), prob, cams, net.camWidth(), net.camHeight(), pre.cropFraction(), w, h);
    }

    /**
     * Cosine decay from the peak to {@value #LR_FLOOR}·peak over all planned batches; with a time
     * budget the schedule also follows the clock (the larger of the two fractions), so a budgeted
     * invocation ends at the floor rate however fast the machine is. Budgeted runs are therefore
     * reproducible only up to timing; runs without a budget are exactly reproducible.
     */
    private float learningRate(int epoch, int batch, int bpe, long startNanos) {
        double t = (epoch * (double) bpe + batch) / ((double) c.epochs() * bpe);
        if (c.timeBudget() != null) {
            t = Math.max(t, (System.nanoTime() - startNanos) / (double) c.timeBudget().toNanos());
        }
        double f = LR_FLOOR + (1 - LR_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t)));
        long step = (long) epoch * bpe + batch;
        if (step < c.warmupBatches()) {
            f *= (step + 1) / (double) c.warmupBatches(); // pretrained weights: small steps until Adam's moments settle
        }
        return (float) (c.learningRate() * f);
    }

    private void reportProgress(long done, long total, long doneAtStart, long startNanos, int bpe, float loss) {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        long doneHere = done - doneAtStart;
        double perBatch = doneHere == 0 ? 0 : secs / doneHere;
        double eta = perBatch * (total - done);
        if (c.timeBudget() != null) {
            eta = Math.min(eta, Math.max(0, c.timeBudget().toSeconds() - secs));
        }
        double ips = perBatch == 0 ? 0 : c.batchSize() / perBatch;
        progress.progress(done, total, String.format("epoch %d/%d batch %d/%d loss %.4f %.1f img/s ETA %s",
                state.epoch + 1, c.epochs(), state.batchInEpoch, bpe, loss, ips, Durations.format(eta)));
    }

    private static String fmtEpoch(double e) {
        return e == Math.rint(e) ? String.valueOf((long) e) : String.format("%.2f", e);
    }
}
