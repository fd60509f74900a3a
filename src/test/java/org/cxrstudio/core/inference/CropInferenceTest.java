package org.cxrstudio.core.inference;

import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.saliency.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The crop recorded in a card is applied by inference, and heatmaps and boxes stay in original pixels. */
class CropInferenceTest {
    @TempDir
    Path dir;

    /**
     * A dark 500x400 image with a bright lesion and a bright burned-in label in the top-left corner,
     * inside the 8 % margin (40 x 32 px). The crop is 420 x 336 px at (40, 32); the model input is
     * 64 px and the CAM 8x8, so CAM cell (5, 2) covers input pixels 40..48 x 16..24, crop pixels
     * 262.5..315 x 84..126, image pixels 302.5..355 x 116..158, centre (328.75, 137): the lesion
     * covers that cell.
     */
    static GrayImage labelledImage() {
        int w = 500;
        int h = 400;
        byte[] g = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean lesion = x >= 300 && x < 358 && y >= 113 && y < 161;
                boolean label = x < 36 && y < 28;
                g[y * w + x] = (byte) (lesion || label ? 255 : 0);
            }
        }
        return new GrayImage(w, h, g);
    }

    @Test
    void borderCropRemovesTheLabelAndBoxesAreInOriginalPixels() throws Exception {
        Path none = TestModels.write(dir, "none", "student", TestModels.brightness(64), 0.5);
        Path border = TestModels.write(dir, "border", "student", TestModels.brightness(64).withCrop("border"), 0.5);
        GrayImage img = labelledImage();
        try (TbModel a = TbModel.load(none, DevicePreference.CPU); TbModel b = TbModel.load(border, DevicePreference.CPU)) {
            assertThat(b.card().preprocessing().crop()).isEqualTo("border");
            Prediction pa = a.predictGray(img, PostProcessing.DEFAULT.withThreshold(0.0));
            Prediction pb = b.predictGray(img, PostProcessing.DEFAULT.withThreshold(0.0));
            // without the crop the label is as hot as the lesion; with it the label is outside the model's view
            assertThat(pa.heatmap().atImage(18, 14)).isGreaterThan(0.2f);
            assertThat(pb.heatmap().atImage(18, 14)).isZero();
            assertThat(pb.heatmap().imageWidth()).isEqualTo(500);
            assertThat(pb.heatmap().imageHeight()).isEqualTo(400);
            assertThat(pb.heatmap().atImage(329, 137)).isGreaterThan(0.95f);
            // the top box surrounds the lesion in original image pixels, inside the crop (40..460 x 32..368)
            List<Box> boxes = pb.boxes();
            assertThat(boxes).isNotEmpty();
            Box top = boxes.get(0);
            assertThat(top.x1()).isBetween(270.0, 329.0);
            assertThat(top.x2()).isBetween(329.0, 390.0);
            assertThat(top.y1()).isBetween(95.0, 137.0);
            assertThat(top.y2()).isBetween(137.0, 180.0);
            for (Box bx : boxes) {
                assertThat(bx.x1()).isGreaterThanOrEqualTo(39.0);
                assertThat(bx.y1()).isGreaterThanOrEqualTo(31.0);
            }
            // the label also moved the un-cropped model's score up, the cropped one's not
            assertThat(pa.tbProbability()).isNotEqualTo(pb.tbProbability());
        }
    }

    @Test
    void cardRoundTripsTheCropAndAnOldCardReadsAsNone() {
        ModelCard c = new ModelCard("c", "1.0", "avgpool", "student", Preprocessing.perImage(64).withCrop("border"),
                List.of("tb"), 0.5, "probability", "cam", Map.of(), Map.of(), "");
        String json = c.toJson();
        assertThat(json).containsPattern("\"crop\"\\s*:\\s*\"border\"");
        assertThat(ModelCard.fromJson(json).preprocessing().crop()).isEqualTo("border");
        assertThat(ModelCard.fromJson(json).preprocessing()).isEqualTo(c.preprocessing());

        String old = json.replaceAll(",\\s*\"crop\"\\s*:\\s*\"border\"", "").replaceAll("\"crop\"\\s*:\\s*\"border\"\\s*,", "");
        assertThat(old).doesNotContain("crop");
        assertThat(ModelCard.fromJson(old).preprocessing().crop()).isEqualTo("none");
        assertThat(ModelCard.fromJson(old).preprocessing().cropFraction()).isZero();
    }
}
