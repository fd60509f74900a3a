package org.cxrstudio.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * {@code train}: supervised training of a teacher or a student from labelled folders. Prints
 * progress with an ETA and per-epoch validation; leaves {@code OUT/model.onnx} and its card.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network (teacher or student preset) from labelled chest X-rays; exports OUT/model.onnx.")
final class TrainCommand extends CliCommand {
    @Mixin
    TrainingOptions options;

    @Option(names = "--role", defaultValue = "teacher", description = "Model card role: teacher or student (default ${DEFAULT-VALUE}).")
    String role;

    @Override
    public Integer call() throws Exception {
        return options.train(b -> b.role(role));
    }
}
