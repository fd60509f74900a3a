package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.onnx.EnsembleBuilder;
import org.cxrstudio.core.training.onnx.OnnxFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code ensemble}: merges several exported models into one ONNX teacher (+ card). */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Merge CXR Studio ONNX models into one teacher: probability = mean of the members', "
                + "cam = mean of their CAMs on the largest member grid.")
final class EnsembleCommand extends CliCommand {
    @Option(names = "--models", paramLabel = "FILE.onnx", arity = "1..*", required = true,
            description = "Member ONNX files (at least two), each with its .card.json beside it.")
    List<Path> models;

    @Option(names = "--out", paramLabel = "FILE.onnx", required = true, description = "ONNX file to write (sidecar .card.json beside it).")
    Path out;

    @Option(names = "--size", paramLabel = "S", defaultValue = "0",
            description = "Ensemble input size in pixels (default: the largest member input size).")
    int size;

    @Option(names = "--mirror", description = "Also run every member on the left-right mirrored image and average that in, "
            + "its CAM mirrored back (test-time augmentation; twice the inference time).")
    boolean mirror;

    @Override
    public Integer call() throws Exception {
        if (size != 0 && (size < 32 || size > 1024)) {
            throw new IllegalArgumentException("--size must be 32..1024 px, got " + size);
        }
        StringBuilder cmd = new StringBuilder("ensemble --models");
        models.forEach(m -> cmd.append(' ').append(m));
        cmd.append(" --out ").append(out);
        if (size != 0) {
            cmd.append(" --size ").append(size);
        }
        if (mirror) {
            cmd.append(" --mirror");
        }
        ModelCard card = EnsembleBuilder.build(models, out, size, mirror, cmd.toString());
        out().println("wrote " + out + " (" + card.architecture() + ", input "
                + card.preprocessing().inputSize() + " px, threshold " + card.threshold() + ") and "
                + OnnxFiles.sidecarOf(out));
        if (!Boolean.TRUE.equals(card.training().get("same_split"))) {
            err().println("note: the members' train/validation splits differ or are unknown "
                    + "(see training.members[].split in the card); validation figures of the ensemble may be optimistic");
        }
        return 0;
    }
}
