package org.cxrstudio.app.gui;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.cxrstudio.core.eval.Percentiles;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.EpochMetrics;
import org.cxrstudio.core.training.Trainer;
import org.cxrstudio.core.training.TrainingConfig;
import org.cxrstudio.core.training.TrainingResult;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.loss.Aals;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.training.EpochPoint;
import org.cxrstudio.ui.training.TrainingBackend;
import org.cxrstudio.ui.training.TrainingRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import java.util.Map;

/**
 * The training panel's backend: {@link Trainer} for the run, {@link TbModel} to read and check
 * the teacher and to time the exported student on the CPU. Chart points come from the run's
 * {@code metrics.jsonl}, re-read whenever the trainer logs a finished epoch (it writes the file
 * first); the baseline student (trained first, into {@code OUT/baseline}) gets its own lines.
 */
final class TrainerBackend implements TrainingBackend {
    private static final Logger LOG = LoggerFactory.getLogger(TrainerBackend.class);
    private static final Gson GSON = new Gson();
    /** CPU latency is the median of this many single-image predictions after one warm-up. */
    private static final int LATENCY_RUNS = 5;

    @Override
    public TeacherInfo describeTeacher(Path onnx) throws IOException {
        try (TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            ModelCard c = m.card();
            return new TeacherInfo(c.name() + " " + c.version(), c.architecture(), m.inputSize(), validationLine(c.validation()));
        }
    }

    @Override
    public List<String> presets() {
        return List.of("student-xs", "student-s", "student-m", "mobilenetv2-s5", "mobilenetv2");
    }

    @Override
    public RunSummary run(TrainingRequest r, Events events, CancellationToken cancel) throws IOException {
        TrainingConfig c = TrainingConfig.builder()
                .labeled(List.of(new LabeledFolder(r.images(), r.labels()))).unlabeled(r.unlabeled())
                .arch(r.arch()).inputSize(r.inputSize()).r0(r.r0()).epochs(r.epochs())
                .timeBudget(r.timeBudgetMin() > 0 ? Duration.ofMinutes(r.timeBudgetMin()) : null)
                .out(r.out()).resume(r.resume()).batchSize(r.batchSize()).learningRate(r.learningRate())
                .teacher(r.teacher()).kdAlpha(r.kdAlpha()).temperature(r.temperature()).camWeight(r.camWeight())
                .boxWeight(r.boxWeight()).init(r.init())
                .aals(new Aals(r.aalsA0(), Aals.DEFAULT.t()))
                .baseline(r.baseline()).role("student").name("cxr-" + r.arch() + "-" + r.inputSize())
                .command("training panel").build();
        EpochWatcher watcher = new EpochWatcher(r.out(), r.baseline(), events);
        TrainingResult result = new Trainer().run(c, watcher, cancel);
        return new RunSummary(result.model(), result.stopReason(), result.trainingSeconds(), summary(result, r));
    }

    private static String summary(TrainingResult r, TrainingRequest req) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(Messages.format("summary.stopped", r.stopReason(), Math.round(r.trainingSeconds()))).append('\n');
        b.append(Messages.format("summary.student", validationLine(r.bestValidation()))).append('\n');
        if (r.bestValidation().get("teacher") instanceof Map<?, ?> t) {
            b.append(Messages.format("summary.teacher", validationLine(t))).append('\n');
        }
        b.append(Messages.format("summary.size", Files.size(r.model()) / 1e6, cpuLatency(r.model(), req.inputSize())))
                .append('\n');
        if (r.comparison() != null) {
            b.append('\n').append(r.comparison().toTable());
        }
        return b.toString();
    }

    /** Median wall time of a single-image CPU prediction, or why it could not be measured. */
    static String cpuLatency(Path onnx, int inputSize) {
        try (TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            GrayImage img = new GrayImage(inputSize, inputSize, new byte[inputSize * inputSize]);
            m.predictGray(img, m.postProcessing());
            double[] ms = new double[LATENCY_RUNS];
            for (int i = 0; i < LATENCY_RUNS; i++) {
                long t0 = System.nanoTime();
                m.predictGray(img, m.postProcessing());
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            return Messages.format("summary.latency", Percentiles.median(ms), LATENCY_RUNS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not time {}", onnx, e);
            return Messages.format("summary.notMeasured", e.getMessage());
        }
    }

    static String validationLine(Map<?, ?> v) {
        if (v == null || v.isEmpty()) {
            return Messages.get("summary.noValidation");
        }
        StringBuilder b = new StringBuilder();
        for (String key : List.of("auc", "same_source_auc", "sensitivity", "specificity", "miou", "n")) {
            if (v.get(key) instanceof Number n) {
                b.append(b.length() == 0 ? "" : ", ").append(key.replace('_', ' ')).append(' ')
                        .append(key.equals("n") ? String.valueOf(n.longValue()) : Messages.number(n.doubleValue(), 3));
            }
        }
        if (b.length() == 0) {
            // figures stored only by `eval --into-card KEY` (e.g. an ensemble teacher): the first such entry
            for (Map.Entry<?, ?> e : v.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> nested && nested.get("auc") instanceof Number) {
                    return validationLine(nested) + " (" + e.getKey() + ")";
                }
            }
        }
        return b.length() == 0 ? Messages.get("summary.noValidation") : b.toString();
    }

    /** Forwards progress and log lines, and turns new {@code metrics.jsonl} rows into chart points. */
    static final class EpochWatcher implements ProgressListener {
        private final Path out;
        private final Events events;
        private Path current;
        private String run;
        private int emitted;

        EpochWatcher(Path out, boolean baselineFirst, Events events) {
            this.out = out;
            this.events = events;
            switchTo(baselineFirst ? EpochPoint.BASELINE : EpochPoint.DISTILLED);
        }

        private void switchTo(String which) {
            run = which;
            current = which.equals(EpochPoint.BASELINE) ? out.resolve("baseline") : out;
            emitted = 0;
        }

        @Override
        public void progress(long done, long total, String message) {
            events.progress(done, total, (run.equals(EpochPoint.BASELINE) ? "baseline: " : "") + message);
        }

        @Override
        public void log(String line) {
            events.log(line);
            if (line.startsWith("distillation:")) {
                switchTo(EpochPoint.DISTILLED);
            } else if (line.startsWith("epoch ")) {
                readNewEpochs();
            }
        }

        private void readNewEpochs() {
            Path file = current.resolve("metrics.jsonl");
            try {
                List<String> lines = Files.readAllLines(file);
                for (int i = emitted; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    EpochMetrics m = GSON.fromJson(lines.get(i), EpochMetrics.class);
                    events.epoch(new EpochPoint(run, m.epoch(), m.trainLoss(), m.valLoss(), m.auc(), m.miou(), m.best()));
                }
                emitted = lines.size();
            } catch (IOException | JsonParseException e) {
                LOG.warn("cannot read {} for the charts: {}", file, e.getMessage());
            }
        }
    }
}
