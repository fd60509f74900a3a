package org.cxrstudio.core.gatebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate's MobileNetV2 graph, with the ImageNet logits attached, reproduces the TFLite
 * interpreter's reference probabilities of the uint8 network (top-1 class and correlation).
 * Skipped when {@code ../shared/pretrained} is absent.
 */
class FeatureNetworkReferenceTest {
    private static final Path DIR = Path.of("../shared/pretrained");

    @ParameterizedTest
    @ValueSource(strings = {"mobilenet_v2_1.0_224_quant", "tf2_mobilenet_v2_1.0_224_ptq"})
    void classifierMatchesTheTfliteReference(String name) throws Exception {
        Path tflite = DIR.resolve(name + ".tflite");
        Path csv = DIR.resolve("reference/" + name + ".probabilities.csv");
        assumeTrue(Files.isRegularFile(tflite) && Files.isRegularFile(csv), "../shared/pretrained absent: skipped");
        MobileNetV2Weights w = MobileNetV2Weights.read(tflite);
        byte[] model = GateGraph.classifier(w, 224).toByteArray();
        Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<String> lines = Files.readAllLines(csv);
        try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions())) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                BufferedImage img = ImageIO.read(DIR.resolve("reference").resolve(f[0]).toFile());
                float[] x = new float[3 * 224 * 224];
                for (int y = 0; y < 224; y++) {
                    for (int c = 0; c < 224; c++) {
                        int rgb = img.getRGB(c, y);
                        x[y * 224 + c] = rgb >> 16 & 0xFF;
                        x[224 * 224 + y * 224 + c] = rgb >> 8 & 0xFF;
                        x[2 * 224 * 224 + y * 224 + c] = rgb & 0xFF;
                    }
                }
                float[] p;
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, 224, 224});
                     OrtSession.Result r = s.run(Map.of(GateGraph.INPUT, t))) {
                    p = ((float[][]) r.get(0).getValue())[0];
                }
                int top = 0;
                for (int i = 1; i < p.length; i++) {
                    top = p[i] > p[top] ? i : top;
                }
                double[] ref = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    ref[i] = Double.parseDouble(f[3 + i]);
                }
                double r = correlation(p, ref);
                System.out.printf(java.util.Locale.ROOT, "%s %s: top-1 %d (TFLite %s), correlation %.4f%n",
                        name, f[0], top, f[1], r);
                assertThat(top).as(f[0]).isEqualTo(Integer.parseInt(f[1]));
                assertThat(r).as(f[0]).isGreaterThan(0.9);
            }
        }
    }

    private static double correlation(float[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }
}
