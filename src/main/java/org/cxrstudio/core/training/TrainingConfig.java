package org.cxrstudio.core.training;

import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.loss.Aals;
import org.cxrstudio.core.training.nn.Architectures;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a training or distillation run needs. Build with {@link #builder()}; every
 * optional value has a documented default.
 *
 * @param labeled        {@code --images/--labels} pairs
 * @param unlabeled      folder of unlabelled images (needs a teacher for pseudo-labels), or {@code null}
 * @param arch           architecture preset name (e.g. {@code student-s}, {@code resnet18})
 * @param inputSize      square input side, pixels
 * @param r0             LSE-LBA lower bound of the pooling sharpness {@code r = r0 + exp(β)},
 *                       {@value #MIN_R0}..{@value #MAX_R0} (default 1); r starts at r0 + 1, small r pools
 *                       like a mean of the score map, large r like its max
 * @param epochs         epochs to reach (a resumed run continues up to this count)
 * @param timeBudget     wall-clock limit of this invocation's training, or {@code null}
 * @param out            output folder
 * @param resume         continue from {@code out/checkpoints/last.ckpt} when it exists
 * @param seed           seeds sampler, augmentation and initialisation (and the split, by default)
 * @param splitSeed      seeds the train/validation split (equal to {@code seed} unless set): members of
 *                       an ensemble get other seeds but the same split
 * @param batchSize      images per step
 * @param learningRate   AdamW peak learning rate (cosine decay to 5 % over the epochs)
 * @param weightDecay    AdamW decoupled weight decay
 * @param valFraction    share of each source×label stratum held out for validation
 * @param augment        random affine + gamma on training images
 * @param sameSourceBoost epoch-share multiplier of same-source groups in the balanced sampler (1 = natural)
 * @param normalization  {@code per-image} (z-score, default) or {@code fixed} ({@code (v/255 − 0.5)/0.25})
 * @param crop           {@code none} (default) or {@code border} ({@link Preprocessing#crop()})
 * @param init           ImageNet MobileNetV2 TFLite file the network starts from ({@code --init}; needs
 *                       {@code --arch mobilenetv2}), or {@code null} for a random start; ignored for the
 *                       weights of a resumed run, but its SHA-256 must match the one the run started from
 * @param warmupBatches  linear learning-rate warm-up over the first N batches (0 = none)
 * @param teacher        teacher ONNX file for distillation, or {@code null} for supervised training
 * @param kdAlpha        weight α of the distillation term; the label term gets {@code 1 − α}
 * @param temperature    distillation temperature {@code T > 0}
 * @param camWeight      weight β of the CAM-transfer term
 * @param boxWeight      weight of the box-guidance term (0 = off, weakly supervised): on training images with
 *                       expert boxes the CAM is pulled towards the boxes' mask (see {@code Losses#camTransfer})
 * @param aals           pseudo-label function for unlabelled images
 * @param baseline       also train the student from labels alone and compare (distillation only)
 * @param cacheDir       folder of preprocessed-tensor caches
 * @param role           model card role: {@code teacher} or {@code student}
 * @param name           model card name
 * @param command        the command line, recorded in the card
 * @param gate           input gate whose refusals are left out of the data (logged with the reason,
 *                       counted), or {@code null} for no check; not owned (the caller closes it)
 */
public record TrainingConfig(List<LabeledFolder> labeled, Path unlabeled, String arch, int inputSize, double r0, int epochs,
                             Duration timeBudget, Path out, boolean resume, long seed, long splitSeed, int batchSize,
                             double learningRate, double weightDecay, double valFraction, boolean augment,
                             double sameSourceBoost, String normalization, String crop, Path init, int warmupBatches,
                             Path teacher, double kdAlpha, double temperature, double camWeight, double boxWeight, Aals aals,
                             boolean baseline, Path cacheDir, String role, String name, String command,
                             InputGate gate) {

    /** Smallest accepted r0: it keeps r, and so the division by r in LSE-LBA, away from 0. */
    public static final double MIN_R0 = 0.01;
    /** Largest accepted r0: beyond it LSE-LBA is a hard max of the score map whatever β learns. */
    public static final double MAX_R0 = 100;

    public TrainingConfig {
        labeled = List.copyOf(labeled);
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(aals, "aals");
        if (!(sameSourceBoost > 0)) {
            throw new IllegalArgumentException("--same-source-boost must be > 0, got " + sameSourceBoost);
        }
        if (!Preprocessing.PER_IMAGE.equals(normalization) && !Preprocessing.FIXED.equals(normalization)) {
            throw new IllegalArgumentException("--normalization must be per-image or fixed, got " + normalization);
        }
        if (!Preprocessing.CROP_NONE.equals(crop) && !Preprocessing.CROP_BORDER.equals(crop)) {
            throw new IllegalArgumentException("--crop must be none or border, got " + crop);
        }
        if (inputSize < 32 || inputSize > 1024) {
            throw new IllegalArgumentException("--size must be 32..1024 px, got " + inputSize);
        }
        if (!(r0 >= MIN_R0 && r0 <= MAX_R0)) {
            throw new IllegalArgumentException("--r0 must be " + MIN_R0 + ".." + MAX_R0 + ", got " + r0);
        }
        if (warmupBatches < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0 batches, got " + warmupBatches);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("--batch must be >= 2 (batch norm needs two images), got " + batchSize);
        }
        if (!(learningRate > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("--lr must be > 0 and weight decay >= 0");
        }
        if (!(kdAlpha >= 0 && kdAlpha <= 1) || !(temperature > 0) || !(camWeight >= 0)) {
            throw new IllegalArgumentException("need 0 <= --alpha <= 1, --temperature > 0, --cam-weight >= 0");
        }
        if (!(boxWeight >= 0 && boxWeight <= 100)) {
            throw new IllegalArgumentException("--box-weight must be 0..100, got " + boxWeight);
        }
        if (timeBudget != null && (timeBudget.isNegative() || timeBudget.isZero())) {
            throw new IllegalArgumentException("--time-budget must be positive");
        }
        if (unlabeled != null && teacher == null) {
            throw new IllegalArgumentException("--unlabeled images need a --teacher for their pseudo-labels");
        }
        if (baseline && teacher == null) {
            throw new IllegalArgumentException("--baseline compares against distillation and needs a --teacher");
        }
        if (labeled.isEmpty()) {
            throw new IllegalArgumentException("need at least one --images DIR --labels CSV pair (validation needs labels)");
        }
    }

    /** The model input recipe written into the card and used for training and validation. */
    public Preprocessing preprocessing() {
        return new Preprocessing(inputSize, normalization, Preprocessing.FIXED.equals(normalization) ? 0.5 : 0,
                Preprocessing.FIXED.equals(normalization) ? 0.25 : 1, crop);
    }

    public boolean distilling() {
        return teacher != null;
    }

    /** The same run with another output folder, teacher and baseline flag (for the baseline student). */
    public TrainingConfig asBaseline(Path baselineOut) {
        return new TrainingConfig(labeled, null, arch, inputSize, r0, epochs, timeBudget, baselineOut, resume, seed, splitSeed,
                batchSize, learningRate, weightDecay, valFraction, augment, sameSourceBoost, normalization, crop, init,
                warmupBatches, null, kdAlpha, temperature, camWeight, boxWeight, aals, false, cacheDir, role, name + "-baseline",
                command + " [baseline: labels only]", gate);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: r0 1, seed 42, batch 16, lr 1e-3, wd 1e-4, 20 % validation, augmentation on, α 0.5, T 2, β 1. */
    public static final class Builder {
        private List<LabeledFolder> labeled = List.of();
        private Path unlabeled;
        private InputGate gate;
        private String arch = "student-s";
        private int inputSize = 224;
        private double r0 = Architectures.DEFAULT_R0;
        private int epochs = 10;
        private Duration timeBudget;
        private Path out;
        private boolean resume;
        private long seed = 42;
        private Long splitSeed;
        private int batchSize = 16;
        private double learningRate = 1e-3;
        private double weightDecay = 1e-4;
        private double valFraction = 0.2;
        private boolean augment = true;
        private String normalization = Preprocessing.PER_IMAGE;
        private String crop = Preprocessing.CROP_NONE;
        private double sameSourceBoost = 1;
        private Path init;
        private int warmupBatches;
        private Path teacher;
        private double kdAlpha = 0.5;
        private double temperature = 2;
        private double camWeight = 1;
        private double boxWeight;
        private Aals aals = Aals.DEFAULT;
        private boolean baseline;
        private Path cacheDir;
        private String role;
        private String name;
        private String command = "";

        public Builder labeled(List<LabeledFolder> v) { labeled = v; return this; }
        public Builder unlabeled(Path v) { unlabeled = v; return this; }
        public Builder arch(String v) { arch = v; return this; }
        public Builder inputSize(int v) { inputSize = v; return this; }
        public Builder r0(double v) { r0 = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder timeBudget(Duration v) { timeBudget = v; return this; }
        public Builder out(Path v) { out = v; return this; }
        public Builder resume(boolean v) { resume = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        /** Default ({@code null}): the {@link #seed}. */
        public Builder splitSeed(Long v) { splitSeed = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder valFraction(double v) { valFraction = v; return this; }
        public Builder augment(boolean v) { augment = v; return this; }
        public Builder sameSourceBoost(double v) { sameSourceBoost = v; return this; }
        public Builder normalization(String v) { normalization = v; return this; }
        public Builder crop(String v) { crop = v; return this; }
        /** Default {@code null}: random initialisation. */
        public Builder init(Path v) { init = v; return this; }
        /** Default 0: no warm-up. */
        public Builder warmupBatches(int v) { warmupBatches = v; return this; }
        public Builder teacher(Path v) { teacher = v; return this; }
        public Builder kdAlpha(double v) { kdAlpha = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder camWeight(double v) { camWeight = v; return this; }
        /** Default 0: no box guidance (weak supervision from image labels only). */
        public Builder boxWeight(double v) { boxWeight = v; return this; }
        public Builder aals(Aals v) { aals = v; return this; }
        public Builder baseline(boolean v) { baseline = v; return this; }
        /** Default: {@code ~/.cache/cxr-studio/tensors}. */
        public Builder cacheDir(Path v) { cacheDir = v; return this; }
        public Builder role(String v) { role = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder command(String v) { command = v; return this; }
        /** Input gate: images it refuses are left out of training (logged, counted); {@code null}: no check. */
        public Builder gate(InputGate v) { gate = v; return this; }

        public TrainingConfig build() {
            Path cache = cacheDir != null ? cacheDir
                    : Path.of(System.getProperty("user.home"), ".cache", "cxr-studio", "tensors");
            String r = role != null ? role : teacher != null ? "student" : "teacher";
            String n = name != null ? name : "cxr-" + arch;
            return new TrainingConfig(labeled, unlabeled, arch, inputSize, r0, epochs, timeBudget, out, resume, seed,
                    splitSeed != null ? splitSeed : seed, batchSize, learningRate, weightDecay, valFraction, augment, sameSourceBoost, normalization, crop, init, warmupBatches, teacher, kdAlpha,
                    temperature,
                    camWeight, boxWeight, aals, baseline, cache, r, n, command, gate);
        }
    }
}
