package org.cxrstudio.app.cli;

import org.cxrstudio.core.training.Durations;
import org.cxrstudio.core.training.TrainingConfig;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.core.training.Trainer;
import org.cxrstudio.core.training.TrainingResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Options shared by {@code train} and {@code distill}, with the input gate, and the training run itself (a picocli mixin). */
final class TrainingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    GateOptions gateOptions;

    @Option(names = "--images", paramLabel = "DIR", description = "Image folder; repeat, each paired with the --labels at the same position.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "CSV", description = "labels.csv (filename,label[,x1,y1,x2,y2][,source]); 'tb' is positive, one row per box.")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "A", required = true, description = "Preset: resnet18, resnet34, resnet50, student-xs, student-s, student-m, mobilenetv2 (mobilenetv2-A for width multiplier A, e.g. mobilenetv2-0.5; mobilenetv2-sK for its first K of 7 stages, K = 3..6, e.g. mobilenetv2-s5).")
    String arch;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "224", description = "Square input size in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--r0", paramLabel = "R", defaultValue = "1", description = "LSE-LBA lower bound of the pooling sharpness r = r0 + exp(beta), 0.01..100; small pools like a mean of the CAM, large like its max (default ${DEFAULT-VALUE}).")
    double r0;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs to reach; a resumed run continues up to N (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--time-budget", paramLabel = "DURATION", description = "Stop this invocation after e.g. 25m or 1h30m (within one batch), leaving a resumable checkpoint and an exported model.")
    String timeBudget;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder: model.onnx, model.card.json, checkpoints/, metrics.jsonl, split.csv.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint (starts fresh when there is none).")
    boolean resume;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of sampler, augmentation, initialisation and (unless --split-seed) the split (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split-seed", paramLabel = "S", description = "Seed of the train/validation split only (default: --seed); give ensemble members other --seed values and one --split-seed.")
    Long splitSeed;

    @Option(names = "--batch", defaultValue = "16", description = "Images per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "AdamW peak learning rate, cosine decay (default ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "1e-4", description = "AdamW weight decay (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--val-fraction", defaultValue = "0.2", description = "Validation share of every source x label stratum (default ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--no-augment", description = "Disable the random affine + gamma augmentation.")
    boolean noAugment;

    @Option(names = "--same-source-boost", defaultValue = "1", description = "Multiply the epoch share of sources holding both TB and normal images (default ${DEFAULT-VALUE} = natural share).")
    double sameSourceBoost;

    @Option(names = "--normalization", defaultValue = "per-image", description = "per-image (z-score of each image, removes scanner brightness/contrast) or fixed ((v/255-0.5)/0.25) (default ${DEFAULT-VALUE}).")
    String normalization;

    @Option(names = "--crop", defaultValue = "none", description = "none, or border: drop 8%% of each side (burned-in text, markers, collimator and film edges) before resizing; recorded in the card so inference crops the same (default ${DEFAULT-VALUE}).")
    String crop;

    @Option(names = "--box-weight", paramLabel = "W", defaultValue = "0", description = "Box guidance: on training images with expert boxes in --labels, pull the CAM towards the boxes with weight W (0..100; default ${DEFAULT-VALUE} = weakly supervised, image labels only).")
    double boxWeight;

    @Option(names = "--init", paramLabel = "FILE", description = "Start from ImageNet weights: a MobileNetV2 1.0 TFLite file (e.g. ../shared/pretrained/tf2_mobilenet_v2_1.0_224_ptq.tflite); needs --arch mobilenetv2 or mobilenetv2-sK. Its SHA-256 goes into the card; --resume needs the same file.")
    Path init;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "Linear learning-rate warm-up over the first N batches (default ${DEFAULT-VALUE}; e.g. 100 with --init).")
    int warmup;

    @Option(names = "--cache", paramLabel = "DIR", description = "Preprocessed-image cache folder (default ~/.cache/cxr-studio/tensors).")
    Path cache;

    @Option(names = "--name", description = "Model card name (default cxr-<arch>).")
    String name;

    /**
     * Trains: opens the input gate (refused images are left out of training, each logged with its
     * reason), builds the configuration from these options plus the command's own settings
     * ({@code specific}), prints progress and the result. Ctrl-C leaves a checkpoint.
     *
     * @return the exit code: 0, or 130 when cancelled
     */
    int train(UnaryOperator<TrainingConfig.Builder> specific) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InputGate gate = gateOptions.open();
        TrainingConfig c = specific.apply(builder(CliCommand.typedCommand(spec))).gate(gate).build();
        TrainingResult r;
        try (gate) {
            r = TrainingCli.runInterruptibly(t -> new Trainer().run(c, new ConsoleProgress(out), t));
        } catch (CancelledException e) {
            spec.commandLine().getErr().println("cancelled: checkpoint saved in " + c.out().resolve("checkpoints")
                    + "; continue with the same command plus --resume");
            return 130;
        }
        TrainingCli.printResult(out, r);
        return 0;
    }

    /** The builder with everything but teacher settings; checks the --images/--labels pairing. */
    TrainingConfig.Builder builder(String command) {
        if (images.size() != labels.size()) {
            throw new IllegalArgumentException("give one --labels per --images (got " + images.size() + " --images and "
                    + labels.size() + " --labels)");
        }
        List<LabeledFolder> folders = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            folders.add(new LabeledFolder(images.get(i), labels.get(i)));
        }
        return TrainingConfig.builder().labeled(folders).arch(arch).inputSize(size).r0(r0).epochs(epochs)
                .timeBudget(timeBudget == null ? null : Durations.parse(timeBudget)).out(out).resume(resume).seed(seed).splitSeed(splitSeed)
                .batchSize(batch).learningRate(lr).weightDecay(weightDecay).valFraction(valFraction)
                .augment(!noAugment).normalization(normalization).crop(crop).sameSourceBoost(sameSourceBoost).boxWeight(boxWeight).init(init).warmupBatches(warmup).cacheDir(cache).name(name).command(command);
    }
}
