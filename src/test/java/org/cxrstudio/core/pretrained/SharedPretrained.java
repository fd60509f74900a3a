package org.cxrstudio.core.pretrained;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The ImageNet TFLite files in ../shared/pretrained (never committed); tests skip without them. */
public final class SharedPretrained {
    public static final String INT8 = "tf2_mobilenet_v2_1.0_224_ptq";
    public static final String UINT8 = "mobilenet_v2_1.0_224_quant";

    private SharedPretrained() {
    }

    public static Path dir() {
        String prop = System.getProperty("cxr.pretrained");
        Path d = prop != null ? Path.of(prop) : Path.of("..", "shared", "pretrained");
        Assumptions.assumeTrue(Files.isDirectory(d), "no " + d.toAbsolutePath() + " (ImageNet TFLite files); skipping");
        return d;
    }

    public static Path tflite(String name) {
        Path f = dir().resolve(name + ".tflite");
        Assumptions.assumeTrue(Files.isRegularFile(f), "no " + f + "; skipping");
        return f;
    }
}
