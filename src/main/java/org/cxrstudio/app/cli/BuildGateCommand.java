package org.cxrstudio.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.cxrstudio.core.gate.GateCard;
import org.cxrstudio.core.gatebuild.GateBuilder;
import org.cxrstudio.core.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code build-gate --out models/gate.onnx}: builds the input gate from the pretrained MobileNetV2
 * and the shared chest films, and prints the measured rates (also written to the card).
 */
@Command(name = "build-gate", mixinStandardHelpOptions = true,
        description = "Build the input gate (gate.onnx + gate.card.json) from ImageNet MobileNetV2 features of the "
                + "shared chest films, and measure it.")
final class BuildGateCommand extends CliCommand {
    @Option(names = "--out", required = true, paramLabel = "gate.onnx", description = "Gate model to write.")
    Path out;

    @Option(names = "--pretrained", paramLabel = "FILE.tflite",
            defaultValue = "../shared/pretrained/mobilenet_v2_1.0_224_quant.tflite",
            description = "The uint8 MobileNetV2 TFLite file (default: ${DEFAULT-VALUE}).")
    Path pretrained;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Shared data folder with the chest films, not-cxr and dicom (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = "target",
            description = "Folder for the film feature cache (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--k", defaultValue = "5", description = "Nearest bank films averaged (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--acceptance", defaultValue = "0.995",
            description = "Fraction of validation films that must pass (default: ${DEFAULT-VALUE}).")
    double acceptance;

    @Option(names = "--negatives", defaultValue = "30",
            description = "Synthetic negatives per kind for the measurement (default: ${DEFAULT-VALUE}).")
    int negatives;

    @Override
    public Integer call() throws Exception {
        var pw = out();
        GateCard card = GateBuilder.build(new GateBuilder.Config(pretrained, data, out, cache, k, acceptance, negatives),
                new ConsoleProgress(pw), CancellationToken.NONE);
        pw.printf(Locale.ROOT, "wrote %s and %s: k=%d, bank=%d, distance limit %.4f%n", out, GateCard.sidecarOf(out),
                card.k(), card.bankSize(), card.distanceLimit());
        for (Map.Entry<String, Double> e : card.measured().entrySet()) {
            pw.printf(Locale.ROOT, "  %-50s %.4f%n", e.getKey(), e.getValue());
        }
        pw.flush();
        return 0;
    }
}
