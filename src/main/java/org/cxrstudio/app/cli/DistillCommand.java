package org.cxrstudio.app.cli;

import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.core.training.Trainer;
import org.cxrstudio.core.training.TrainingConfig;
import org.cxrstudio.core.training.TrainingResult;
import org.cxrstudio.core.training.loss.Aals;
import org.cxrstudio.core.gate.InputGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code distill}: trains a student from labels plus an ONNX teacher's soft targets and CAMs
 * (and AALS pseudo-labels on unlabelled images); with {@code --baseline} also the same student
 * from labels alone, and prints the teacher / student-alone / distilled table.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Distil a student from an ONNX teacher (soft targets, CAM transfer, AALS on unlabelled images).")
final class DistillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Mixin
    GateOptions gateOptions;

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
        PrintWriter out = spec.commandLine().getOut();
        InputGate gate = gateOptions.open(); // refused images are left out of training, each logged with its reason
        TrainingConfig c = options.builder(TrainingCli.commandLine(spec)).teacher(teacher).unlabeled(unlabeled)
                .baseline(baseline).kdAlpha(alpha).temperature(temperature).camWeight(camWeight)
                .aals(new Aals(aalsA0, Aals.DEFAULT.t())).role("student").gate(gate).build();
        TrainingResult r;
        try (gate) {
            r = TrainingCli.runInterruptibly(t -> new Trainer().run(c, new ConsoleProgress(out), t));
        } catch (CancelledException e) {
            spec.commandLine().getErr().println("cancelled: checkpoint saved in " + c.out().resolve("checkpoints")
                    + "; continue with the same command plus --resume");
            return 130;
        }
        TrainingCli.printResult(out, r); // the comparison table was printed as a progress log line
        return 0;
    }
}
