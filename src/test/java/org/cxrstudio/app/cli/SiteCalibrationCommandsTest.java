package org.cxrstudio.app.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.inference.TestModels;
import org.cxrstudio.core.screening.TestInputs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code calibrate-threshold} on one half of a labelled set and {@code eval --site} on the other,
 * with a model whose score follows brightness, so every figure is worked out by hand; and
 * {@code calibrate-score}.
 */
class SiteCalibrationCommandsTest {
    @TempDir
    Path dir;
    Path model;
    Path images;
    Path labels;
    Path halves;

    @BeforeEach
    void setUp() throws IOException {
        model = TestModels.write(dir, "student", "student", TestModels.brightness(64), 0.5);
        images = Files.createDirectories(dir.resolve("site/images"));
        // calibration half: TB {200, 150}, normal {160, 50}; evaluation half: TB {180, 120}, normal {155, 140, 60}
        String[] names = {"c1.png", "c2.png", "c3.png", "c4.png", "e1.png", "e2.png", "e3.png", "e4.png", "e5.png"};
        int[] grays = {200, 150, 160, 50, 180, 120, 155, 140, 60};
        String[] label = {"tb", "tb", "normal", "normal", "tb", "tb", "normal", "normal", "normal"};
        StringBuilder csv = new StringBuilder("filename,label\n");
        StringBuilder split = new StringBuilder("filename,split\n");
        for (int i = 0; i < names.length; i++) {
            TestInputs.film(images.resolve(names[i]), 256, grays[i]);
            csv.append(names[i]).append(',').append(label[i]).append('\n');
            split.append(names[i]).append(',').append(i < 4 ? "train" : "val").append('\n');
        }
        TestInputs.ctDicom(images.resolve("c5.dcm"), 256); // a CT in the calibration half: refused, counted
        csv.append("c5.dcm,normal\n");
        split.append("c5.dcm,train\n");
        labels = Files.writeString(dir.resolve("site/labels.csv"), csv);
        halves = Files.writeString(dir.resolve("site/halves.csv"), split);
    }

    @Test
    void calibrateOnOneHalfAndEvaluateTheOtherAtTheSiteThreshold() throws IOException {
        Path site = dir.resolve("clinic.json");
        CliRun cal = CliRun.of("calibrate-threshold", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--split", halves.toString(), "--target-sensitivity", "0.90",
                "--site-name", "Clinic X", "--out", site.toString(), "--gate-rules-only", "--device", "cpu");
        assertThat(cal.exit()).as(cal.err()).isZero();
        SiteProfile p = SiteProfile.read(site);
        // sensitivity 0.9 of 2 TB needs both: the threshold is the lower TB score, gray 150
        assertThat(p.threshold()).isCloseTo(TestModels.uniformScore(150), within(0.005));
        assertThat(p.point().tp()).isEqualTo(2);
        assertThat(p.point().fp()).isEqualTo(1); // gray 160
        assertThat(p.point().tn()).isEqualTo(1);
        assertThat(p.refused()).isEqualTo(1);
        assertThat(p.modelSha256()).isEqualTo(ModelFiles.sha256(model));
        assertThat(cal.out()).contains("site Clinic X (").contains("1 refused by the gate");

        Path report = dir.resolve("eval.json");
        CliRun eval = CliRun.of("eval", "--model", model.toString(), "--images", images.toString(), "--labels",
                labels.toString(), "--split", halves.toString(), "--site", site.toString(), "--gate-rules-only",
                "--json", report.toString(), "--device", "cpu");
        assertThat(eval.exit()).as(eval.err()).isZero();
        JsonObject j = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        assertThat(j.get("n").getAsInt()).isEqualTo(5);
        assertThat(j.get("threshold").getAsDouble()).isEqualTo(p.threshold());
        // at gray 150: TB 180 called, 120 missed; normal 155 called, 140 and 60 not
        assertThat(j.get("sensitivity").getAsDouble()).isEqualTo(0.5);
        assertThat(j.get("specificity").getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(j.getAsJsonArray("specificity_ci95")).hasSize(2);
        assertThat(j.getAsJsonObject("site_profile").get("site").getAsString()).isEqualTo("Clinic X");
        assertThat(j.get("refused").getAsInt()).isZero();
        byte[] before = Files.readAllBytes(model);
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void theProfileMayNotReplaceTheLabelsOrTheModelCard() throws IOException {
        Path card = dir.resolve(model.getFileName().toString().replace(".onnx", ".card.json"));
        assertThat(card).exists();
        for (Path victim : new Path[] {labels, card}) {
            byte[] before = Files.readAllBytes(victim);
            CliRun run = CliRun.of("calibrate-threshold", "--model", model.toString(), "--images", images.toString(),
                    "--labels", labels.toString(), "--split", halves.toString(), "--out", victim.toString(),
                    "--gate-rules-only", "--device", "cpu");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("error: --out " + victim + " is also an input of this command");
            assertThat(Files.readAllBytes(victim)).isEqualTo(before);
        }
    }

    @Test
    void evalRefusesAProfileOfAnotherModel() throws IOException {
        Path site = dir.resolve("clinic.json");
        assertThat(CliRun.of("calibrate-threshold", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--split", halves.toString(), "--out", site.toString(),
                "--gate-rules-only", "--device", "cpu").exit()).isZero();
        Path other = TestModels.write(dir, "other", "student", TestModels.brightness(32), 0.5);
        CliRun eval = CliRun.of("eval", "--model", other.toString(), "--images", images.toString(), "--labels",
                labels.toString(), "--site", site.toString(), "--gate-rules-only", "--device", "cpu");
        assertThat(eval.exit()).isEqualTo(1);
        assertThat(eval.err()).contains("was made for model test-student").contains("calibrate-threshold");
    }

    @Test
    void calibrateScoreStoresACalibrationAndLeavesTheModelFileAlone() throws IOException {
        String sha = ModelFiles.sha256(model);
        CliRun run = CliRun.of("calibrate-score", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--gate-rules-only", "--device", "cpu");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("on 9 images (4 TB)").contains("Brier");
        assertThat(ModelFiles.sha256(model)).isEqualTo(sha);
        try (TbModel m = TbModel.load(model, DevicePreference.CPU)) { // the card's SHA still matches
            ModelCard card = m.card();
            assertThat(card.calibration()).isNotNull();
            assertThat(card.calibration().a()).isPositive();
            assertThat(card.calibration().fittedOn()).contains("1 refused by the input gate");
        }
        CliRun predict = CliRun.of("predict", images.resolve("c1.png").toString(), "--model", model.toString(),
                "--gate-rules-only", "--device", "cpu");
        JsonObject row = JsonParser.parseString(predict.out().strip()).getAsJsonObject();
        assertThat(row.get("tb_probability").getAsDouble()).isNotEqualTo(row.get("raw_probability").getAsDouble());
    }
}
