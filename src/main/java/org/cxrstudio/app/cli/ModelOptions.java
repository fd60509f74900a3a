package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.TbModel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --model M} and {@code --device auto|cpu|cuda} of the commands that run one TB model (a
 * picocli mixin). Where a command words their help differently, the text is in
 * {@code OptionHelp.properties} under the command's name.
 */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "M", description = "ONNX model (default: models/student.onnx).")
    Path model;

    @Mixin
    DeviceOption device;

    /** The given model, or {@link ModelPaths#STUDENT} found beside the app or in the working directory. */
    Path path() throws IOException {
        return ModelPaths.resolve(model, ModelPaths.STUDENT);
    }

    /** Loads the model of {@link #path()} on the chosen device; the caller closes it. */
    TbModel load() throws IOException {
        return TbModel.load(path(), device.preference());
    }

    /** The stderr line saying which model runs where, and why there. */
    static String describe(TbModel m) {
        return "model " + m.path() + " on " + m.device() + " (" + m.deviceReason() + ")";
    }
}
