package org.cxrstudio.app.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.inference.TestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code eval} end to end with a model whose score follows image brightness (see
 * {@link TestModels}), so every figure can be worked out by hand.
 */
class EvalCommandTest {
    @TempDir
    Path dir;
    Path model;
    Path images;

    @BeforeEach
    void setUp() throws IOException {
        model = TestModels.write(dir, "student", "student", TestModels.brightness(64), 0.5);
        images = Files.createDirectories(dir.resolve("extra/images"));
    }

    /** Same-source style set, no box columns: shenzhen TB {200, 150}, normal {160, 50}; DA/DB normal {100, 60}. */
    private Path sameSourceLabels() throws IOException {
        int[] grays = {200, 150, 160, 50, 100, 60};
        String[] names = {"t1.png", "t2.png", "n1.png", "n2.png", "d1.png", "d2.png"};
        for (int i = 0; i < grays.length; i++) {
            TestImages.uniform(images.resolve(names[i]), grays[i]);
        }
        return Files.writeString(dir.resolve("extra/labels.csv"), """
                filename,label,source
                t1.png,tb,shenzhen
                t2.png,tb,shenzhen
                n1.png,normal,shenzhen
                n2.png,normal,shenzhen
                d1.png,normal,da_db_png
                d2.png,normal,da_db_jpg
                """);
    }

    @Test
    void csvWithoutBoxesGroupsAndShortcutCheck() throws IOException {
        Path labels = sameSourceLabels();
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--group-by", "source", "--shortcut-check", "--json", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject j = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertThat(j.get("n").getAsInt()).isEqualTo(6);
        assertThat(j.get("n_positive").getAsInt()).isEqualTo(2);
        // 200 beats all four negatives, 150 beats 50, 100 and 60: 7 of 8 pairs
        assertThat(j.get("auc").getAsDouble()).isCloseTo(7.0 / 8, within(1e-9));
        assertThat(j.get("threshold").getAsDouble()).isEqualTo(0.5);
        assertThat(j.get("sensitivity").getAsDouble()).isEqualTo(1.0);
        assertThat(j.get("specificity").getAsDouble()).isEqualTo(0.75); // gray 160 scores 0.63 >= 0.5
        assertThat(j.get("threshold_at_sens90").getAsDouble()).isCloseTo(TestModels.uniformScore(150), within(0.01));
        assertThat(j.get("specificity_at_sens90").getAsDouble()).isEqualTo(0.75);
        assertThat(j.get("miou").isJsonNull()).isTrue();
        assertThat(j.get("box_recall_iou30").isJsonNull()).isTrue();
        assertThat(j.get("dice").isJsonNull()).isTrue();
        JsonObject groups = j.getAsJsonObject("groups");
        assertThat(groups.keySet()).containsExactly("da_db", "shenzhen");
        assertThat(groups.getAsJsonObject("shenzhen").get("auc").getAsDouble()).isCloseTo(0.75, within(1e-9));
        JsonObject dadb = groups.getAsJsonObject("da_db");
        assertThat(dadb.get("auc").isJsonNull()).isTrue();
        assertThat(dadb.get("note").getAsString()).contains("only non-TB images (2)");
        // non-TB: shenzhen {160, 50} vs da_db {100, 60}: 160 beats both, 50 beats neither -> 0.5
        var pairs = j.getAsJsonArray("shortcut_check");
        assertThat(pairs).hasSize(1);
        JsonObject pair = pairs.get(0).getAsJsonObject();
        assertThat(pair.get("class").getAsString()).isEqualTo("non_tb");
        assertThat(pair.get("source_a").getAsString()).isEqualTo("da_db");
        assertThat(pair.get("auc").getAsDouble()).isEqualTo(0.5);
        assertThat(run.out()).contains("\"groups\"");
    }

    @Test
    void scoresOrJsonOverTheLabelsAreRefused() throws IOException {
        Path labels = sameSourceLabels();
        String before = Files.readString(labels);
        for (String option : new String[] {"--scores", "--json"}) {
            CliRun run = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(),
                    "--labels", labels.toString(), option, labels.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("error: " + option + " " + labels + " is also an input of this command");
            assertThat(Files.readString(labels)).isEqualTo(before);
        }
    }

    @Test
    void storesTheReportInTheSidecarCard() throws Exception {
        Path labels = sameSourceLabels();
        CliRun run = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--group-by", "source", "--into-card", "same_source_val");
        assertThat(run.exit()).as(run.err()).isZero();
        try (TbModel m = TbModel.load(model, DevicePreference.CPU)) { // hash still matches
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = (Map<String, Object>) m.card().validation().get("same_source_val");
            assertThat((Double) stored.get("auc")).isCloseTo(7.0 / 8, within(1e-9));
            assertThat(stored).containsKey("groups");
            assertThat((String) stored.get("command")).startsWith("cxr-studio eval --no-gate --model ");
        }
    }

    @Test
    void splitRestrictsTheImages() throws IOException {
        Path labels = sameSourceLabels();
        Path split = Files.writeString(dir.resolve("val.txt"), "t1.png\nn2.png\n");
        CliRun run = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(),
                "--labels", labels.toString(), "--split", split.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject j = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(j.get("n").getAsInt()).isEqualTo(2);
        assertThat(j.get("auc").getAsDouble()).isEqualTo(1.0);
        assertThat(j.has("groups")).isFalse();
    }

    @Test
    void localizationAgainstBoxes() throws IOException {
        Path tb = Files.createDirectories(dir.resolve("tb/images"));
        // dark image with a bright 16x16 square exactly on four 8x8 CAM cells: its box is the square
        TestImages.png(tb.resolve("p.png"), 64, 30, new int[] {16, 16, 32, 32}, 250);
        TestImages.uniform(tb.resolve("n.png"), 20);
        Path labels = Files.writeString(dir.resolve("tb/labels.csv"), """
                filename,label,x1,y1,x2,y2,box_class
                p.png,tb,16,16,32,32,ActiveTuberculosis
                n.png,no_finding,,,,,
                """);
        Path scores = dir.resolve("scores.csv");
        CliRun run = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", tb.toString(),
                "--labels", labels.toString(), "--threshold", "0.1", "--scores", scores.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject j = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(j.get("auc").getAsDouble()).isEqualTo(1.0);
        assertThat(j.get("miou").getAsDouble()).isEqualTo(1.0);
        assertThat(j.get("box_recall_iou30").getAsDouble()).isEqualTo(1.0);
        assertThat(j.get("dice").getAsDouble()).isBetween(0.5, 1.0);
        // per-image file: the TB image's IoU, none for the normal one
        List<String> lines = Files.readAllLines(scores);
        assertThat(lines.get(0)).isEqualTo("file,label,group,score,iou");
        assertThat(lines.stream().filter(l -> l.contains("p.png")).findFirst().orElseThrow()).matches(".*,tb,[^,]*,[0-9.]+,1\\.000000");
        assertThat(lines.stream().filter(l -> l.contains("n.png")).findFirst().orElseThrow()).matches(".*,non_tb,[^,]*,[0-9.]+,");
    }

    @Test
    void boxParametersComeFromTheCardUnlessGivenOnTheCommandLine() throws IOException {
        Path tb = Files.createDirectories(dir.resolve("tb/images"));
        TestImages.png(tb.resolve("p.png"), 64, 30, new int[] {16, 16, 32, 32}, 250);
        TestImages.uniform(tb.resolve("n.png"), 20);
        Path labels = Files.writeString(dir.resolve("tb/labels.csv"),
                "filename,label,x1,y1,x2,y2\np.png,tb,16,16,32,32\nn.png,no_finding,,,,\n");
        String[] args = {"eval", "--no-gate", "--model", model.toString(), "--images", tb.toString(), "--labels", labels.toString(),
                "--threshold", "0.1"};
        // at 0.1 of the maximum the bilinear ramps widen the 16 px box to about 22 px
        CliRun low = CliRun.of(concat(args, "--box-threshold", "0.1"));
        assertThat(low.exit()).as(low.err()).isZero();
        assertThat(low.err()).contains("boxes: relative threshold 0.1, min area 0.005, at most 3 (command line)");
        double lowMiou = JsonParser.parseString(low.out()).getAsJsonObject().get("miou").getAsDouble();
        assertThat(lowMiou).isBetween(0.3, 0.8);

        ModelFiles.putPostprocessing(model, Map.of(ModelCard.BOX_THRESHOLD, 0.1));
        CliRun card = CliRun.of(concat(args, "--into-card", "k"));
        assertThat(card.exit()).as(card.err()).isZero();
        assertThat(card.err()).contains("(model card)");
        assertThat(JsonParser.parseString(card.out()).getAsJsonObject().get("miou").getAsDouble()).isEqualTo(lowMiou);
        try (TbModel m = TbModel.load(model, DevicePreference.CPU)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = (Map<String, Object>) m.card().validation().get("k");
            assertThat(stored.get("boxes")).isEqualTo(Map.of(ModelCard.BOX_THRESHOLD, 0.1,
                    ModelCard.BOX_MIN_AREA, 0.005, ModelCard.BOX_MAX, 3.0));
        }
        CliRun back = CliRun.of(concat(args, "--box-threshold", "0.5"));
        assertThat(JsonParser.parseString(back.out()).getAsJsonObject().get("miou").getAsDouble()).isEqualTo(1.0);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void badInputGivesOneLineErrors() throws IOException {
        Path labels = sameSourceLabels();
        CliRun mismatched = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(),
                "--images", images.toString(), "--labels", labels.toString());
        assertThat(mismatched.exit()).isEqualTo(2);
        assertThat(mismatched.err()).contains("2 --images but 1 --labels");
        Files.delete(images.resolve("t2.png"));
        CliRun missing = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(), "--labels", labels.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("t2.png: listed in the labels CSV but not found");
        Path oneClass = Files.writeString(dir.resolve("one.csv"), "filename,label\nt1.png,tb\n");
        CliRun single = CliRun.of("eval", "--no-gate", "--model", model.toString(), "--images", images.toString(), "--labels", oneClass.toString());
        assertThat(single.exit()).isEqualTo(1);
        assertThat(single.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("error: only TB images (1): AUC undefined");
    }
}
