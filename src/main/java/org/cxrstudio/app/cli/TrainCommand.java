package org.cxrstudio.app.cli;

import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.core.training.Trainer;
import org.cxrstudio.core.training.TrainingConfig;
import org.cxrstudio.core.training.TrainingResult;
import org.cxrstudio.core.gate.InputGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code train}: supervised training of a teacher or a student from labelled folders. Prints
 * progress with an ETA and per-epoch validation; leaves {@code OUT/model.onnx} and its card.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (teacher or student preset) from labelled chest X-rays; exports OUT/model.onnx.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Mixin
    GateOptions gateOptions;

    @Option(names = "--role", defaultValue = "teacher", description = "Model card role: teacher or student (default ${DEFAULT-VALUE}).")
    String role;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InputGate gate = gateOptions.open(); // refused images are left out of training, each logged with its reason
        TrainingConfig c = options.builder(TrainingCli.commandLine(spec)).role(role).gate(gate).build();
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
}
