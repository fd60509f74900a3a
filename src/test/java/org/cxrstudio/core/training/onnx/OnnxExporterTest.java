package org.cxrstudio.core.training.onnx;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.nn.ArchSpec;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.nn.TbNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxExporterTest {
    @TempDir
    Path dir;

    static ModelCard card(ArchSpec spec, String role) {
        return new ModelCard("test-" + spec.name(), "0", spec.name(), role, Preprocessing.perImage(spec.inputSize()),
                List.of("tb"), 0.5, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ModelCard.DEFAULT_CAM_OUTPUT, null, null, "");
    }

    /** Exports a network whose batch norms, β and head bias are random (so folding is really tested). */
    static Parity parity(ArchSpec spec, Path out, int n, long seed) throws Exception {
        Engine engine = Engine.getEngine("PyTorch");
        try (NDManager m = engine.newBaseManager()) {
            engine.setRandomSeed((int) seed);
            TbNet net = Architectures.build(spec);
            net.initialize(m, DataType.FLOAT32, Architectures.inputShape(spec, n));
            Random rnd = new Random(seed);
            for (Parameter p : net.getParameters().values()) {
                float[] v = p.getArray().toFloatArray();
                switch (p.getType()) {
                    case GAMMA -> fill(v, i -> 0.5f + rnd.nextFloat());
                    case BETA, BIAS, RUNNING_MEAN -> fill(v, i -> (float) (0.2 * rnd.nextGaussian()));
                    case RUNNING_VAR -> fill(v, i -> 0.5f + rnd.nextFloat());
                    case OTHER -> fill(v, i -> (float) rnd.nextGaussian());
                    default -> { continue; }
                }
                p.getArray().set(java.nio.FloatBuffer.wrap(v));
            }
            ModelCard written = OnnxExporter.export(net, spec, card(spec, "student"), out);
            float[] x = new float[n * spec.inputSize() * spec.inputSize()];
            fill(x, i -> (float) rnd.nextGaussian());
            NDList y = net.forward(new ParameterStore(m, false),
                    new NDList(m.create(x, new Shape(n, 1, spec.inputSize(), spec.inputSize()))), false);
            float[] logits = y.get(0).toFloatArray();
            float[] cam = y.get(1).toFloatArray();
            long[] camShape = y.get(1).getShape().getShape();
            OrtSupport.Outputs ort = OrtSupport.run(out, x, n, spec.inputSize());
            assertThat(ort.camShape()).containsExactly(camShape);
            double dp = 0;
            for (int i = 0; i < logits.length; i++) {
                dp = Math.max(dp, Math.abs(1 / (1 + Math.exp(-logits[i])) - ort.probability()[i]));
            }
            double dc = 0;
            for (int i = 0; i < cam.length; i++) {
                dc = Math.max(dc, Math.abs(cam[i] - ort.cam()[i]));
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : cam) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return new Parity(dp, dc, written, camShape, hi - lo);
        }
    }

    /** @param camSpread max − min of the DJL CAM (a constant map would make parity trivial) */
    record Parity(double maxProbabilityDiff, double maxCamDiff, ModelCard card, long[] camShape, double camSpread) {
    }

    private static void fill(float[] v, java.util.function.IntFunction<Float> f) {
        for (int i = 0; i < v.length; i++) {
            v[i] = f.apply(i);
        }
    }

    /**
     * Every family through ONNX Runtime: student-s (stride 16); a mobilenetv2-0.35 for depthwise
     * (grouped) convs, SAME pads on even and odd sides (72 → 36 → 18 → 9 → 5 → 3), Clip for ReLU6,
     * the folded affine and the residual adds; a cut mobilenetv2-s4 (stride 16: 72 → 36 → 18 → 9 → 5).
     */
    @ParameterizedTest
    @CsvSource({"student-s,128,7,8", "mobilenetv2-0.35,72,11,3", "mobilenetv2-s4,72,13,5"})
    void parityWithOnnxRuntime(String arch, int size, long seed, int cam) throws Exception {
        ArchSpec spec = Architectures.preset(arch, size);
        Parity p = parity(spec, dir.resolve(arch + ".onnx"), 2, seed);
        assertThat(p.camShape()).containsExactly(2, 1, cam, cam);
        assertThat(p.camSpread()).isGreaterThan(1e-2);
        assertThat(p.maxProbabilityDiff()).isLessThanOrEqualTo(1e-4);
        assertThat(p.maxCamDiff()).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void writesEmbeddedCardAndSidecarWithSha256() throws Exception {
        ArchSpec spec = Architectures.preset("student-s", 64);
        Path out = dir.resolve("model.onnx");
        ModelCard written = OnnxExporter.exportRandom(spec, card(spec, "student"), out, 1);
        Path sidecar = dir.resolve("model.card.json");
        assertThat(sidecar).exists();
        ModelCard side = ModelCard.fromJson(Files.readString(sidecar));
        assertThat(side.sha256()).isEqualTo(OnnxFiles.sha256(Files.readAllBytes(out))).isEqualTo(written.sha256());
        ModelCard embedded = OnnxFiles.embeddedCard(OnnxFiles.read(out));
        assertThat(embedded.sha256()).isEmpty();
        assertThat(embedded.withSha256(side.sha256())).isEqualTo(side);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("model.onnx", "model.card.json");
        }
    }

    @Test
    void randomExportIsSeededAndRuns() throws Exception {
        ArchSpec spec = Architectures.preset("student-xs", 64);
        OnnxExporter.exportRandom(spec, card(spec, "student"), dir.resolve("a.onnx"), 3);
        OnnxExporter.exportRandom(spec, card(spec, "student"), dir.resolve("b.onnx"), 3);
        assertThat(Files.readAllBytes(dir.resolve("a.onnx"))).isEqualTo(Files.readAllBytes(dir.resolve("b.onnx")));
        float[] x = new float[64 * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.37);
        }
        OrtSupport.Outputs o = OrtSupport.run(dir.resolve("a.onnx"), x, 1, 64);
        assertThat(o.probability()[0]).isBetween(0f, 1f);
        assertThat(o.camShape()).containsExactly(1, 1, 4, 4);
    }

    @Test
    void rejectsCardOfAnotherSize() {
        ArchSpec spec = Architectures.preset("student-xs", 64);
        ModelCard wrong = card(spec.withInputSize(128), "student");
        assertThatThrownBy(() -> OnnxExporter.exportRandom(spec, wrong, dir.resolve("x.onnx"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
    }
}
