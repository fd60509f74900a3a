package org.cxrstudio.app.cli;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.training.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code bench-train}: training and distillation throughput and peak memory per preset. */
@Command(name = "bench-train", mixinStandardHelpOptions = true,
        description = "Measure training/distillation img/s and peak RSS for architecture presets (random inputs).")
final class BenchTrainCommand extends CliCommand {
    @Option(names = "--arch", split = ",", defaultValue = "student-xs,student-s,student-m,resnet18,resnet34,resnet50",
            description = "Presets, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> archs;

    @Option(names = "--size", defaultValue = "224", description = "Input size in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "3", description = "Measured steps at least (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seconds", defaultValue = "10", description = "Measure at least this long per case (default ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() {
        PrintWriter out = out();
        out.printf("%-11s %5s %-8s %6s %11s %9s %10s%n", "arch", "size", "mode", "batch", "params", "img/s", "peak RSS");
        TrainingBenchmark bench = new TrainingBenchmark();
        for (String arch : archs) {
            for (boolean distill : new boolean[] {false, true}) {
                TrainingBenchmark.Result r = bench.measure(arch, size, distill, batch, steps, seconds, CancellationToken.NONE);
                out.printf("%-11s %5d %-8s %6d %11d %9.2f %7.0f MiB%s%n", r.arch(), r.inputSize(),
                        distill ? "distill" : "train", r.batch(), r.parameters(), r.imagesPerSecond(), r.peakRssMiB(),
                        r.peakIsGlobal() ? " (process peak)" : "");
                out.flush();
            }
        }
        return 0;
    }
}
