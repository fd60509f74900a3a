package org.cxrstudio.core.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.saliency.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TbModelTest {
    static final int SIZE = 64;

    @TempDir
    Path dir;

    static ModelCard card() {
        return new ModelCard("tiny", "1.0", "avgpool", "student", Preprocessing.perImage(SIZE), List.of("tb"), 0.5,
                "probability", "cam", Map.of(), Map.of(), "");
    }

    /** Writes a valid tiny model plus a sidecar card with its SHA-256. */
    Path validModel(String name) throws IOException {
        Path onnx = TinyOnnx.write(dir.resolve(name + ".onnx"),
                TinyOnnx.model(1, SIZE, 8, "probability", "cam", card().toJson()));
        Files.writeString(ModelFiles.sidecar(onnx), card().withSha256(ModelFiles.sha256(onnx)).toJson());
        return onnx;
    }

    static GrayImage gradient(int w, int h) {
        byte[] g = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                g[y * w + x] = (byte) (x * 255 / (w - 1));
            }
        }
        return new GrayImage(w, h, g);
    }

    @Test
    void loadsAndPredictsOnTheCpuOfThisMachine() throws Exception {
        try (TbModel m = TbModel.load(validModel("m"), DevicePreference.AUTO)) {
            assertThat(m.device()).isEqualTo("CPU");
            assertThat(m.deviceReason()).contains("no CUDA execution provider");
            assertThat(m.card().name()).isEqualTo("tiny");
            assertThat(m.inputSize()).isEqualTo(SIZE);
            Prediction p = m.predictGray(gradient(100, 80), PostProcessing.DEFAULT.withThreshold(0.4));
            assertThat(p.tbProbability()).isBetween(0.0, 1.0);
            assertThat(p.threshold()).isEqualTo(0.4);
            assertThat(p.positive()).isEqualTo(p.tbProbability() >= 0.4);
            assertThat(p.heatmap().imageWidth()).isEqualTo(100);
            assertThat(p.heatmap().imageHeight()).isEqualTo(80);
            assertThat(p.heatmap().width()).isEqualTo(SIZE / 8);
            assertThat(p.device()).isEqualTo("CPU");
            assertThat(p.millis()).isPositive();
            // the right-hand (bright) side of a horizontal gradient is hot: boxes sit there, inside the image
            assertThat(p.boxes()).isNotEmpty();
            for (Box b : p.boxes()) {
                assertThat(b.x1()).isGreaterThanOrEqualTo(50);
                assertThat(b.x2()).isLessThanOrEqualTo(100);
                assertThat(b.y2()).isLessThanOrEqualTo(80);
            }
            assertThat(m.predictGray(gradient(100, 80), PostProcessing.DEFAULT.withThreshold(1.0)).boxes()).isEmpty();
            assertThat(m.predictGrayBatch(List.of(gradient(30, 30), gradient(50, 40)), PostProcessing.DEFAULT))
                    .extracting(q -> q.heatmap().imageWidth()).containsExactly(30, 50);
        }
    }

    @Test
    void predictRendersTheRadiographLikeTheViewer() throws Exception {
        int w = 40;
        int h = 30;
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % w) * 6;
        }
        Radiograph r = new Radiograph(w, h, px, 8, 8, false, Photometric.MONOCHROME2, 1, 0, List.of(), Optional.empty(),
                Optional.empty(), "PA", "PNG", Map.of(), Map.of());
        try (TbModel m = TbModel.load(validModel("r"), DevicePreference.CPU)) {
            assertThat(m.deviceReason()).isEqualTo("CPU requested");
            Prediction p = m.predict(r);
            assertThat(p.heatmap().imageWidth()).isEqualTo(w);
            assertThat(p.threshold()).isEqualTo(0.5);
        }
    }

    @Test
    void cudaRequestFallsBackToCpuWithAReason() throws Exception {
        try (TbModel m = TbModel.load(validModel("c"), DevicePreference.CUDA)) {
            assertThat(m.device()).isEqualTo("CPU");
            assertThat(m.deviceReason()).contains("CUDA").contains("running on CPU");
        }
        // as if the GPU build were present but its libraries or the GPU are not: addCUDA throws
        DeviceSelector.CudaEnabler failing = o -> {
            throw new OrtException("libcudart.so.12: cannot open shared object file");
        };
        try (TbModel m = TbModel.load(validModel("g"), DevicePreference.AUTO, EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), failing)) {
            assertThat(m.device()).isEqualTo("CPU");
            assertThat(m.deviceReason()).contains("CUDA unavailable: libcudart.so.12");
        }
    }

    @Test
    void realAddCudaOnTheCpuBuildThrowsAndIsCaught() throws Exception {
        OrtRuntime.environment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            DeviceSelector.Choice c = DeviceSelector.configure(o, DevicePreference.CUDA,
                    EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), DeviceSelector.REAL);
            assertThat(c.device()).isEqualTo("CPU");
            assertThat(c.reason()).startsWith("CUDA unavailable");
        }
    }

    @Test
    void hashMismatchAndTruncationAreRefused() throws Exception {
        Path onnx = validModel("h");
        Path sidecar = ModelFiles.sidecar(onnx);
        Files.writeString(sidecar, card().withSha256("00".repeat(32)).toJson());
        assertThatThrownBy(() -> TbModel.load(onnx, DevicePreference.CPU)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(onnx.toString()).hasMessageContaining("does not match").hasMessageContaining("h.card.json");
        Path t = validModel("t");
        byte[] bytes = Files.readAllBytes(t);
        Files.write(t, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> TbModel.load(t, DevicePreference.CPU)).hasMessageContaining("does not match");
    }

    @Test
    void wrongFilesGetClearErrors() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.onnx"), "this is not a model", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TbModel.load(text, DevicePreference.CPU)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("notes.onnx: not a loadable ONNX model");
        assertThatThrownBy(() -> TbModel.load(dir.resolve("absent.onnx"), DevicePreference.CPU))
                .hasMessageContaining("absent.onnx: model file not found");
        Path noCard = TinyOnnx.write(dir.resolve("nocard.onnx"), TinyOnnx.model(1, SIZE, 8, "probability", "cam", null));
        assertThatThrownBy(() -> TbModel.load(noCard, DevicePreference.CPU)).hasMessageContaining("no model card");
        Path rgb = TinyOnnx.write(dir.resolve("rgb.onnx"), TinyOnnx.model(3, SIZE, 8, "probability", "cam", card().toJson()));
        assertThatThrownBy(() -> TbModel.load(rgb, DevicePreference.CPU))
                .hasMessageContaining("input 'input' is FLOAT [-1, 3, 64, 64], expected float N×1×64×64");
        Path renamed = TinyOnnx.write(dir.resolve("renamed.onnx"), TinyOnnx.model(1, SIZE, 8, "logits", "cam", card().toJson()));
        assertThatThrownBy(() -> TbModel.load(renamed, DevicePreference.CPU))
                .hasMessageContaining("no output named 'probability'");
        Path otherSize = TinyOnnx.write(dir.resolve("size.onnx"), TinyOnnx.model(1, 32, 8, "probability", "cam", card().toJson()));
        assertThatThrownBy(() -> TbModel.load(otherSize, DevicePreference.CPU)).hasMessageContaining("card input size 64");
        Path badCard = TinyOnnx.write(dir.resolve("bad.onnx"), TinyOnnx.model(1, SIZE, 8, "probability", "cam", null));
        Files.writeString(ModelFiles.sidecar(badCard), "{not json");
        assertThatThrownBy(() -> TbModel.load(badCard, DevicePreference.CPU)).hasMessageContaining("malformed model card");
    }

    @Test
    void embeddedCardIsUsedWithoutASidecar() throws Exception {
        Path onnx = TinyOnnx.write(dir.resolve("embedded.onnx"), TinyOnnx.model(1, SIZE, 8, "probability", "cam", card().toJson()));
        try (TbModel m = TbModel.load(onnx, DevicePreference.AUTO)) {
            assertThat(m.card().architecture()).isEqualTo("avgpool");
        }
    }

    @Test
    void concurrentPredictionsAgreeWithSequentialOnes() throws Exception {
        try (TbModel m = TbModel.load(TestModels.write(dir, "b", "student", TestModels.brightness(SIZE), 0.5),
                DevicePreference.CPU)) {
            GrayImage[] imgs = {gradient(64, 64), gradient(90, 70), gradient(40, 80)};
            double[] expected = new double[imgs.length];
            for (int i = 0; i < imgs.length; i++) {
                expected[i] = m.predictGray(imgs[i], PostProcessing.DEFAULT).tbProbability();
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<Boolean>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    futures.add(pool.submit(() -> {
                        for (int k = 0; k < 20; k++) {
                            int i = k % imgs.length;
                            if (m.predictGray(imgs[i], PostProcessing.DEFAULT).tbProbability() != expected[i]) {
                                return false;
                            }
                        }
                        return true;
                    }));
                }
                for (var f : futures) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void devicePreferenceParsing() {
        assertThat(DevicePreference.parse("Cuda")).isEqualTo(DevicePreference.CUDA);
        assertThatThrownBy(() -> DevicePreference.parse("tpu")).hasMessageContaining("unknown device 'tpu' (auto, cpu or cuda)");
    }
}
