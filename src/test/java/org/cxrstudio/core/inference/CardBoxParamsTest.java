package org.cxrstudio.core.inference;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Box parameters in the model card's {@code postprocessing} section, as every model use reads them. */
class CardBoxParamsTest {
    @TempDir
    Path dir;

    /**
     * 64×64, black, with a white square A at 8..24 and a gray (180) square B at 40..56. Through the
     * brightness model's min-max heatmap A is 1 and B about 0.71: threshold 0.5 boxes both, 0.8
     * only A.
     */
    static GrayImage twoSquares() {
        byte[] g = new byte[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean a = x >= 8 && x < 24 && y >= 8 && y < 24;
                boolean b = x >= 40 && x < 56 && y >= 40 && y < 56;
                g[y * 64 + x] = (byte) (a ? 255 : b ? 180 : 0);
            }
        }
        return new GrayImage(64, 64, g);
    }

    private Path model() throws IOException {
        return TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
    }

    private static List<Box> boxes(Path onnx) throws IOException {
        try (TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            return m.predictGray(twoSquares(), m.postProcessing().withThreshold(0.0)).boxes();
        }
    }

    @Test
    void cardWithoutTheSectionUsesTheDefault() throws IOException {
        Path onnx = model();
        assertThat(Files.readString(ModelFiles.sidecar(onnx))).doesNotContain("box_relative_threshold");
        try (TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            assertThat(m.card().postprocessing()).isEmpty();
            assertThat(m.postProcessing().boxes()).isEqualTo(BoxParams.DEFAULT);
        }
        List<Box> b = boxes(onnx);
        assertThat(b).hasSize(2);
        assertThat(b.get(0).x2()).isLessThan(32); // A, the hotter one, first
        assertThat(b.get(1).x1()).isGreaterThan(32);
    }

    @Test
    void writtenSectionRoundTripsKeepsTheHashValidAndChangesTheBoxes() throws IOException {
        Path onnx = model();
        String hashBefore = ModelFiles.sha256(onnx);
        ModelFiles.putPostprocessing(onnx, Map.of(ModelCard.BOX_THRESHOLD, 0.8, ModelCard.BOX_MIN_AREA, 0.01,
                ModelCard.BOX_MAX, 2, "calibrated_on", "test"));
        assertThat(ModelFiles.sha256(onnx)).isEqualTo(hashBefore);
        ModelCard read = ModelFiles.readSidecar(onnx);
        assertThat(read.sha256()).isEqualTo(hashBefore);
        assertThat(read.boxParams()).isEqualTo(new BoxParams(0.8, 0.01, 2));
        assertThat(read.postprocessing()).containsEntry("calibrated_on", "test");
        ModelCard again = ModelCard.fromJson(read.toJson());
        assertThat(again.boxParams()).isEqualTo(read.boxParams());
        assertThat(again.withThreshold(0.3).withSha256("x").withValidation(Map.of()).boxParams())
                .isEqualTo(read.boxParams());
        // the loaded model (hash checked) now boxes only the white square
        List<Box> b = boxes(onnx);
        assertThat(b).hasSize(1);
        assertThat(b.get(0).x1()).isBetween(4.0, 12.0);
        assertThat(b.get(0).x2()).isBetween(20.0, 28.0);
        // explicit post-processing still wins over the card
        try (TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            assertThat(m.predictGray(twoSquares(), PostProcessing.DEFAULT.withThreshold(0.0)).boxes()).hasSize(2);
        }
    }

    @Test
    void missingKeysTakeTheDefaultValues() throws IOException {
        Path onnx = model();
        ModelFiles.putPostprocessing(onnx, Map.of(ModelCard.BOX_MAX, 1));
        assertThat(ModelFiles.readSidecar(onnx).boxParams()).isEqualTo(new BoxParams(0.5, 0.005, 1));
        assertThat(boxes(onnx)).hasSize(1);
    }

    @Test
    void badValuesFailTheLoadNamingTheCard() throws IOException {
        Path onnx = model();
        Path sidecar = ModelFiles.sidecar(onnx);
        String good = Files.readString(sidecar);
        Object[][] bad = {
                {ModelCard.BOX_THRESHOLD, 1.5, "relative threshold must be in (0, 1]"},
                {ModelCard.BOX_THRESHOLD, 0, "relative threshold must be in (0, 1]"},
                {ModelCard.BOX_MIN_AREA, -0.1, "min area fraction must be in [0, 1)"},
                {ModelCard.BOX_MAX, 2.5, "box_max must be an integer"},
                {ModelCard.BOX_MAX, 0, "box_max must be an integer"},
                {ModelCard.BOX_THRESHOLD, "high", "box_relative_threshold must be a number"},
        };
        for (Object[] c : bad) {
            JsonObject j = JsonParser.parseString(good).getAsJsonObject();
            JsonObject pp = new JsonObject();
            if (c[1] instanceof Number n) {
                pp.addProperty((String) c[0], n);
            } else {
                pp.addProperty((String) c[0], (String) c[1]);
            }
            j.add("postprocessing", pp);
            Files.writeString(sidecar, j.toString());
            assertThatThrownBy(() -> TbModel.load(onnx, DevicePreference.CPU))
                    .as("%s = %s", c[0], c[1])
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining(sidecar.toString())
                    .hasMessageContaining((String) c[2]);
        }
        Files.writeString(sidecar, good);
        assertThatThrownBy(() -> ModelFiles.putPostprocessing(onnx, Map.of(ModelCard.BOX_THRESHOLD, 2.0)))
                .hasMessageContaining(sidecar.toString()).hasMessageContaining("relative threshold");
        assertThat(Files.readString(sidecar)).isEqualTo(good); // nothing written
    }
}
