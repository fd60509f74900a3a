package org.cxrstudio.core.training;

import org.cxrstudio.core.imaging.Preprocessing;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.data.TensorCache;
import org.cxrstudio.core.training.nn.Architectures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a network from labelled chest X-rays, or distils a student from an ONNX teacher, and
 * leaves {@code OUT/model.onnx} + {@code model.card.json}, {@code checkpoints/},
 * {@code metrics.jsonl} and {@code split.csv}. Used by the {@code train} and {@code distill}
 * commands and by the training panel.
 * <pre>{@code
 * TrainingConfig c = TrainingConfig.builder().labeled(List.of(new LabeledFolder(imgs, csv)))
 *         .arch("student-s").inputSize(224).epochs(10).out(Path.of("runs/s")).build();
 * TrainingResult r = new Trainer().run(c, ProgressListener.NONE, CancellationToken.NONE);
 * }</pre>
 * Everything that can be checked is checked before the first step (folders, CSVs, image files,
 * teacher file and shape, an existing run in {@code OUT} without {@code --resume}). Blocking; call
 * from a worker thread. One run at a time per JVM (PyTorch allows one gradient recorder).
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final NetworkProvider networks;

    /** Uses the {@code core.training.nn} presets and ONNX exporter. */
    public Trainer() {
        this(new NnNetworks());
    }

    Trainer(NetworkProvider networks) {
        this.networks = networks;
    }

    /**
     * @throws IOException naming the file and problem for bad input, before training starts
     * @throws org.cxrstudio.core.task.CancelledException when cancelled (a checkpoint is saved first)
     */
    public TrainingResult run(TrainingConfig c, ProgressListener progress, CancellationToken cancel) throws IOException {
        if (!c.baseline()) {
            return runOne(c, null, progress, cancel);
        }
        try (TeacherModel t = TeacherModel.load(c.teacher())) {
            LOG.info("teacher {} ok: {} px input", c.teacher(), t.inputSize());
        }
        progress.log("baseline: training " + c.arch() + " from labels alone (same split, seed and budget) into "
                + c.out().resolve("baseline"));
        TrainingResult base = runOne(c.asBaseline(c.out().resolve("baseline")), null, progress, cancel);
        progress.log("distillation: training " + c.arch() + " from teacher " + c.teacher());
        return runOne(c, base, progress, cancel);
    }

    private TrainingResult runOne(TrainingConfig c, TrainingResult baseline, ProgressListener progress,
                                  CancellationToken cancel) throws IOException {
        Checkpoints ckpt = new Checkpoints(c.out());
        if (ckpt.hasLast() && !c.resume()) {
            throw new IOException(c.out() + " already holds a training run (" + ckpt.last()
                    + "): add --resume to continue it, or choose another --out");
        }
        TeacherModel teacherModel = c.teacher() == null ? null : TeacherModel.load(c.teacher());
        try {
            networks.check(c.arch(), c.inputSize());
            MobileNetV2Weights init = null;
            if (c.init() != null) {
                ImageNetInit.checkArch(c.arch(), c.inputSize());
                init = ImageNetInit.read(c.init());
            }
            String initSha = init == null ? null : init.sourceSha256();
            if (ckpt.hasLast()) {
                checkInit(ckpt, ckpt.readState().initSha256, initSha, c.init()); // before any data work
            }
            PreparedData data = PreparedData.prepare(c, ckpt.hasLast());
            TensorCache cache = data.cache(c.cacheDir(), c.inputSize(), c.crop(), progress, cancel);
            try (StudentNet net = new StudentNet(networks, c.arch(), c.inputSize(), c.r0(), c.seed())) {
                if (init != null && !ckpt.hasLast()) {
                    ImageNetInit.apply(init, net.block());
                    progress.log("starting from ImageNet weights " + c.init() + " (sha256 " + init.sourceSha256() + ")");
                }
                TeacherTargets targets = null;
                if (teacherModel != null) {
                    // the teacher sees the input its own card describes (size and crop)
                    String teacherCrop = teacherModel.preprocessing().crop();
                    TensorCache tc = teacherModel.inputSize() == c.inputSize() && teacherCrop.equals(c.crop()) ? cache
                            : data.cache(c.cacheDir(), teacherModel.inputSize(), teacherCrop, progress, cancel);
                    targets = TeacherTargets.obtain(teacherModel, tc, net.camWidth(), net.camHeight(),
                            c.preprocessing().cropFraction(), c.out(), c.batchSize(), progress, cancel);
                }
                // the budget covers training and validation; the teacher's one-off outputs (cached in
                // OUT/teacher-targets.bin) are excluded so that distilled and baseline runs get equal
                // training time
                long start = System.nanoTime();
                AdamW opt = new AdamW(net.trainable(), net.manager(), (float) c.weightDecay());
                RunState state = new RunState();
                String fingerprint = fingerprint(c, data, teacherModel);
                if (ckpt.hasLast()) {
                    state = ckpt.load(net, opt);
                    if (!fingerprint.equals(state.fingerprint)) {
                        throw new IOException(ckpt.last() + ": checkpoint was made with other settings ("
                                + state.fingerprint + "), now " + fingerprint + "; use a new --out");
                    }
                    progress.log("resuming " + c.out() + " at epoch " + state.epoch + ", batch " + state.batchInEpoch);
                }
                state.fingerprint = fingerprint;
                state.initSha256 = initSha;
                TrainingRun run = new TrainingRun(c, data, cache, net, opt, targets, ckpt, state, progress, cancel);
                String reason = state.epoch >= c.epochs() ? TrainingResult.COMPLETED : run.loop(start);
                if (state.history.isEmpty()) {
                    throw new IOException("no epoch finished: nothing to export");
                }
                Comparison comparison = null;
                Map<String, Object> validation = new LinkedHashMap<>(state.bestValidation);
                if (targets != null) {
                    Validation tv = teacherValidation(targets, data, cache, teacherModel.preprocessing().cropFraction());
                    validation.put("teacher", tv.report().toJsonMap());
                    if (baseline != null) {
                        comparison = compare(tv, teacherModel, baseline, state, run, ckpt, net);
                        validation.put("baseline_comparison", comparison.toJsonMap());
                        progress.log("\n" + comparison.toTable());
                    }
                }
                Path model = export(c, data, state, reason, validation, ckpt, net);
                return new TrainingResult(c.out(), model, reason, state.history, validation,
                        state.elapsedMs / 1000.0, comparison);
            }
        } finally {
            if (teacherModel != null) {
                teacherModel.close();
            }
        }
    }

    private Comparison compare(Validation teacherVal, TeacherModel teacher, TrainingResult baseline, RunState state,
                               TrainingRun run, Checkpoints ckpt, StudentNet net) throws IOException {
        if (Files.isRegularFile(ckpt.best())) {
            ckpt.loadBest(net);
        }
        Validation distilled = run.validate();

        Double teacherSeconds = null;
        if (teacher.card() != null && teacher.card().training().get("training_seconds") instanceof Number n) {
            teacherSeconds = n.doubleValue();
        }
        return Comparison.of(Comparison.Row.of("teacher", teacherVal, teacherSeconds),
                Comparison.Row.of("student-alone", baseline.bestValidation(), baseline.trainingSeconds()),
                Comparison.Row.of("distilled", distilled, state.elapsedMs / 1000.0));
    }

    private static Validation teacherValidation(TeacherTargets t, PreparedData data, TensorCache cache,
                                                double teacherCropFraction) {
        int[] val = data.val();
        float[] prob = new float[val.length];
        float[][] cams = new float[val.length][];
        int[] w = new int[val.length];
        int[] h = new int[val.length];
        for (int i = 0; i < val.length; i++) {
            prob[i] = t.probability()[val[i]];
            cams[i] = t.nativeCams()[val[i]];
            w[i] = cache.originalWidth(val[i]);
            h[i] = cache.originalHeight(val[i]);
        }
        return Validation.of(data.valSamples(), prob, cams, t.nativeWidth(), t.nativeHeight(), teacherCropFraction, w, h);
    }

    private Path export(TrainingConfig c, PreparedData data, RunState state, String reason,
                        Map<String, Object> validation, Checkpoints ckpt, StudentNet net) throws IOException {
        if (Files.isRegularFile(ckpt.best())) {
            ckpt.loadBest(net);
        }
        ModelCard card = CardInfo.card(c, data, state, reason, validation);
        Path model = c.out().resolve("model.onnx");
        networks.export(net.block(), c.arch(), c.inputSize(), c.r0(), card, model);
        LOG.info("exported {} (best epoch {}, score {})", model, state.bestEpoch, state.bestScore);
        return model;
    }

    /**
     * Exports a run's weights from its checkpoints alone (e.g. after a cancelled run): the best
     * validated weights, or the last ones with {@code last}, with the card saved in the checkpoint.
     *
     * @param runDir the run's output folder (or its {@code checkpoints/} folder)
     * @throws IOException when there is no readable checkpoint
     */
    public Path exportCheckpoint(Path runDir, Path onnx, boolean last) throws IOException {
        Path dir = Checkpoints.DIR.equals(String.valueOf(runDir.getFileName())) ? runDir.getParent() : runDir;
        Checkpoints ckpt = new Checkpoints(dir);
        if (!ckpt.hasLast()) {
            throw new IOException(runDir + ": no checkpoint (" + ckpt.last() + " not found)");
        }
        Path target = onnx.toAbsolutePath().normalize();
        if (target.equals(ckpt.last().toAbsolutePath().normalize()) || target.equals(ckpt.best().toAbsolutePath().normalize())) {
            // the export would replace the run's only resumable state (or its best weights)
            throw new IOException(onnx + ": is one of the run's checkpoint files; export to another file");
        }
        RunState state = ckpt.readState();
        if (state.cardJson == null || state.cardJson.isBlank()) {
            throw new IOException(ckpt.last() + ": checkpoint holds no model card (made by an older version)");
        }
        ModelCard card = ModelCard.fromJson(state.cardJson);
        Map<String, Object> training = new LinkedHashMap<>(card.training());
        boolean useBest = !last && Files.isRegularFile(ckpt.best());
        training.put("exported_weights", useBest ? "best (epoch " + state.bestEpoch + ")" : "last (epoch " + state.epoch
                + ", batch " + state.batchInEpoch + ")");
        card = new ModelCard(card.name(), card.version(), card.architecture(), card.role(), card.preprocessing(),
                card.classes(), card.threshold(), card.probabilityOutput(), card.camOutput(), training,
                card.validation(), "");
        double r0 = card.training().get(CardInfo.R0) instanceof Number n ? n.doubleValue() : Architectures.DEFAULT_R0;
        try (StudentNet net = new StudentNet(networks, card.architecture(), card.preprocessing().inputSize(), r0, 0)) {
            if (useBest) {
                ckpt.loadBest(net);
            } else {
                ckpt.load(net, new AdamW(net.trainable(), net.manager(), 0f));
            }
            networks.export(net.block(), card.architecture(), card.preprocessing().inputSize(), r0, card, onnx);
        }
        return onnx;
    }

    /**
     * A resumed run continues from its checkpoint's weights, which descend from the start it was
     * made with: resuming with another {@code --init}, with none where it had one, or with one where
     * it had none would record a start the weights do not come from, so it is refused.
     */
    static void checkInit(Checkpoints ckpt, String recorded, String given, Path initFile) throws IOException {
        if (java.util.Objects.equals(recorded, given)) {
            return;
        }
        String was = recorded == null ? "a random start (no --init)" : "--init weights with sha256 " + recorded;
        String now = given == null ? "no --init" : "--init " + initFile + " (sha256 " + given + ")";
        throw new IOException(ckpt.last() + ": this run started from " + was + ", but it is resumed with " + now
                + "; resume with the init file it started from, or use a new --out");
    }

    /**
     * The default r0, crop and box weight (0) add nothing, so checkpoints made before they were
     * configurable still resume.
     */
    private static String fingerprint(TrainingConfig c, PreparedData data, TeacherModel teacher) {
        return c.arch() + "|" + c.inputSize() + "|" + c.normalization()
                + (Preprocessing.CROP_NONE.equals(c.crop()) ? "" : "|crop " + c.crop()) + "|seed " + c.seed()
                + (c.splitSeed() == c.seed() ? "" : "|split seed " + c.splitSeed()) + "|batch " + c.batchSize() + "|split "
                + data.split().fingerprint() + (teacher == null ? "" : "|teacher " + teacher.sha256().substring(0, 12))
                + (c.r0() == Architectures.DEFAULT_R0 ? "" : "|r0 " + c.r0())
                + (c.boxWeight() == 0 ? "" : "|box weight " + c.boxWeight());
    }
}
