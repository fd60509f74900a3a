package org.cxrstudio.app.cli;

import org.cxrstudio.core.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code export}: writes an ONNX model (+ card) from a training run's checkpoints. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a training run's checkpoint (best validated weights by default) as ONNX with its card.")
final class ExportCommand extends CliCommand {
    @Option(names = "--checkpoint", paramLabel = "DIR", required = true, description = "The run's output folder (or its checkpoints/ folder).")
    Path checkpoint;

    @Option(names = "--out", paramLabel = "FILE.onnx", required = true, description = "ONNX file to write (sidecar .card.json beside it).")
    Path out;

    @Option(names = "--last", description = "Export the last checkpoint's weights instead of the best validated ones.")
    boolean last;

    @Override
    public Integer call() throws Exception {
        Path written = new Trainer().exportCheckpoint(checkpoint, out, last);
        out().println("wrote " + written);
        return 0;
    }
}
