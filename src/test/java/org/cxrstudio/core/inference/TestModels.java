package org.cxrstudio.core.inference;

import org.cxrstudio.core.imaging.Preprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test models with a known behaviour: {@code cam} = 8×8 average pooling of the prepared input,
 * {@code probability} = sigmoid(mean of the CAM). With {@link #brightness} preprocessing
 * ({@code fixed}, mean 0.5, std 0.25) a uniform image of gray level {@code g} scores
 * {@code sigmoid((g/255 - 0.5)/0.25)} and bright regions are hot.
 */
public final class TestModels {
    /** Fixed normalisation, so scores follow brightness. */
    public static Preprocessing brightness(int size) {
        return new Preprocessing(size, Preprocessing.FIXED, 0.5, 0.25);
    }

    private TestModels() { }

    /** The score a uniform image of gray level {@code g} gets from a {@link #brightness} model. */
    public static double uniformScore(int g) {
        return 1 / (1 + Math.exp(-((g / 255.0 - 0.5) / 0.25)));
    }

    /** Writes {@code dir/name.onnx} and its sidecar card (with SHA-256). */
    public static Path write(Path dir, String name, String role, Preprocessing pre, double threshold) throws IOException {
        ModelCard card = new ModelCard("test-" + name, "1.0", "avgpool", role, pre, List.of("tb"), threshold,
                "probability", "cam", Map.of(), Map.of(), "");
        Path onnx = TinyOnnx.write(dir.resolve(name + ".onnx"),
                TinyOnnx.model(1, pre.inputSize(), 8, "probability", "cam", card.toJson()));
        Files.writeString(ModelFiles.sidecar(onnx), card.withSha256(ModelFiles.sha256(onnx)).toJson());
        return onnx;
    }
}
