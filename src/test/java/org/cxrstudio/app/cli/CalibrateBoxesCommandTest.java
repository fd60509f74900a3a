package org.cxrstudio.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.inference.TestModels;
import org.cxrstudio.core.saliency.BoxParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code calibrate-boxes} and the box options of {@code predict} with the brightness model (its
 * heatmap is the image's 8×8 average, min-max scaled): every image has a white core (24..40) in a
 * gray halo (16..48). Training images mark the core as the lesion, validation images the halo, so
 * the train part calls for a high relative threshold and the val part for a low one.
 */
class CalibrateBoxesCommandTest {
    @TempDir
    Path dir;
    Path model;
    Path images;
    Path labels;
    Path split;

    static void coreInHalo(Path file) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean core = x >= 24 && x < 40 && y >= 24 && y < 40;
                boolean halo = x >= 16 && x < 48 && y >= 16 && y < 48;
                img.getRaster().setSample(x, y, 0, core ? 255 : halo ? 160 : 0);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    @BeforeEach
    void setUp() throws IOException {
        model = TestModels.write(dir, "student", "student", TestModels.brightness(64), 0.5);
        images = Files.createDirectories(dir.resolve("images"));
        StringBuilder csv = new StringBuilder("filename,label,x1,y1,x2,y2\n");
        StringBuilder sp = new StringBuilder("filename,split,label,source,dataset\n");
        for (int i = 0; i < 3; i++) {
            coreInHalo(images.resolve("t" + i + ".png"));
            csv.append("t").append(i).append(".png,tb,24,24,40,40\n");
            sp.append("t").append(i).append(".png,train,tb,tbx11k-tb,tbx11k-tb\n");
            coreInHalo(images.resolve("v" + i + ".png"));
            csv.append("v").append(i).append(".png,tb,16,16,48,48\n");
            sp.append("v").append(i).append(".png,val,tb,tbx11k-tb,tbx11k-tb\n");
        }
        TestImages.uniform(images.resolve("n0.png"), 40);
        csv.append("n0.png,normal,,,,\n");
        sp.append("n0.png,train,normal,nih,nih\n");
        labels = Files.writeString(dir.resolve("labels.csv"), csv);
        split = Files.writeString(dir.resolve("split.csv"), sp);
    }

    private CliRun calibrate(String... extra) {
        String[] base = {"calibrate-boxes", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--split", split.toString(), "--device", "cpu"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void calibratesOnTheTrainPartAndWritesTheCard() throws IOException {
        String hash = ModelFiles.sha256(model);
        Path json = dir.resolve("sweep.json");
        CliRun run = calibrate("--write-card", "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("box calibration on 3 TB images with boxes (train part of");
        assertThat(run.out()).contains("dflt  0.50     0.005     3");
        JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(j.get("images").getAsInt()).isEqualTo(3);
        JsonObject best = j.getAsJsonObject("best");
        double t = best.get("box_relative_threshold").getAsDouble();
        assertThat(t).isGreaterThan(0.65); // the core, not the halo
        assertThat(best.get("miou").getAsDouble()).isGreaterThan(0.8)
                .isGreaterThan(j.getAsJsonObject("default").get("miou").getAsDouble());
        assertThat(j.getAsJsonArray("sweep")).hasSize(13 * 4 * 4);

        // the card now holds the setting; the ONNX file (and so its hash check) is untouched
        assertThat(ModelFiles.sha256(model)).isEqualTo(hash);
        try (TbModel m = TbModel.load(model, DevicePreference.CPU)) {
            assertThat(m.card().boxParams()).isEqualTo(new BoxParams(t, best.get("box_min_area_fraction").getAsDouble(),
                    best.get("box_max").getAsInt()));
            assertThat((String) m.card().postprocessing().get("calibrated_on")).startsWith("train part of " + split)
                    .contains("3 TB images");
            assertThat(((Number) m.card().postprocessing().get("calibrated_miou")).doubleValue())
                    .isEqualTo(best.get("miou").getAsDouble());
        }
        // predict now draws the core, unless told otherwise on the command line
        Path img = images.resolve("t0.png");
        JsonArray box = predictBox(img);
        assertThat(box.get(0).getAsDouble()).isBetween(20.0, 28.0);
        assertThat(box.get(2).getAsDouble()).isBetween(36.0, 44.0);
        JsonArray wide = predictBox(img, "--box-threshold", "0.3");
        assertThat(wide.get(0).getAsDouble()).isLessThan(18);
        assertThat(wide.get(2).getAsDouble()).isGreaterThan(46);
    }

    @Test
    void theValidationPartCallsForALowerThreshold() {
        CliRun run = calibrate("--use", "val");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("optimistic");
        String bestLine = run.out().lines().filter(l -> l.startsWith("best: ")).findFirst().orElseThrow();
        double t = Double.parseDouble(bestLine.split(" ")[2]);
        assertThat(t).isLessThan(0.5); // the halo
    }

    @Test
    void badInputGetsOneLineErrors() throws IOException {
        CliRun badUse = calibrate("--use", "test");
        assertThat(badUse.exit()).isEqualTo(2);
        assertThat(badUse.err()).contains("--split-part must be train or val");
        Path noBoxes = Files.writeString(dir.resolve("nb.csv"), "filename,label\nt0.png,tb\n");
        CliRun none = CliRun.of("calibrate-boxes", "--model", model.toString(), "--images", images.toString(),
                "--labels", noBoxes.toString(), "--device", "cpu");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no TB image with ground-truth boxes");
        CliRun badOption = CliRun.of("predict", "--no-gate", images.resolve("t0.png").toString(), "--model", model.toString(),
                "--box-threshold", "1.5");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("relative threshold must be in (0, 1]");
    }

    private JsonArray predictBox(Path img, String... extra) {
        String[] base = {"predict", "--no-gate", img.toString(), "--model", model.toString(), "--device", "cpu", "--threshold", "0"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject row = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertThat(row.getAsJsonArray("boxes")).hasSize(1);
        return row.getAsJsonArray("boxes").get(0).getAsJsonArray();
    }
}
