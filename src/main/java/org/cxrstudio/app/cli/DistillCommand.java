package org.cxrstudio.app.cli;

import org.cxrstudio.core.training.loss.Aals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code distill}: trains a student from labels plus an ONNX teacher's soft targets and CAMs
 * (and AALS pseudo-labels on unlabelled images); with {@code --baseline} also the same student
 * from labels alone, and prints the teacher / student-alone / distilled table.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Distil a student from an ONNX teacher (soft targets, CAM transfer, AALS on unlabelled images).")
final class DistillCommand extends CliCommand {
    @Mixin
    TrainingOptions options;

    @Option(names = "--teacher", paramLabel = "T.onnx", required = true, description = "Teacher model (ONNX with outputs probability and cam).")
    Path teacher;

    @Option(names = "--unlabeled", paramLabel = "DIR", description = "Folder of unlabelled images (AALS pseudo-labels from the teacher).")
    Path unlabeled;

    @Option(names = "--baseline", description = "Also train the student from labels alone (same split, seed, budget) and compare.")
    boolean baseline;

    @Option(names = "--alpha", defaultValue = "0.5", description = "Weight of the distillation term; labels get 1-alpha (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--temperature", defaultValue = "2", description = "Distillation temperature T (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--cam-weight", defaultValue = "1", description = "Weight of the CAM-transfer term (default ${DEFAULT-VALUE}).")
    double camWeight;

    @Option(names = "--aals-a0", defaultValue = "2.5", description = "AALS sharpening a0 (default ${DEFAULT-VALUE}; t = 0.4).")
    double aalsA0;

    @Override
    public Integer call() throws Exception {
        // the comparison table (with --baseline) is printed as a progress log line
        return options.train(b -> b.teacher(teacher).unlabeled(unlabeled).baseline(baseline).kdAlpha(alpha)
                .temperature(temperature).camWeight(camWeight).aals(new Aals(aalsA0, Aals.DEFAULT.t())).role("student"));
    }
}
