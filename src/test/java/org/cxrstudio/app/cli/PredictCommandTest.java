package org.cxrstudio.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.inference.TestModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PredictCommandTest {
    @TempDir
    Path dir;

    @Test
    void predictsWithBoxesInOriginalPixelsAndWritesOverlays() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.1);
        // 128x128 image, bright square at 32..64: the model (64x64 input) must map its box back to 128 px
        Path img = TestImages.png(dir.resolve("chest.png"), 128, 30, new int[] {32, 32, 64, 64}, 250);
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("predict", "--no-gate", img.toString(), "--model", model.toString(), "--json", json.toString(),
                "--overlay", dir.resolve("ov").toString(), "--device", "cpu");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject row = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertThat(row.keySet()).containsExactly("file", "tb_probability", "raw_probability", "score", "positive", "threshold",
                "threshold_score", "boxes", "model", "device", "ms");
        // an uncalibrated model shows its raw probability, and the score is that in percent
        assertThat(row.get("tb_probability").getAsDouble()).isEqualTo(row.get("raw_probability").getAsDouble());
        assertThat(row.get("score").getAsInt()).isEqualTo((int) Math.round(100 * row.get("raw_probability").getAsDouble()));
        assertThat(row.get("threshold_score").getAsInt()).isEqualTo(10);
        assertThat(row.get("positive").getAsBoolean()).isTrue();
        assertThat(row.get("device").getAsString()).isEqualTo("CPU");
        JsonArray box = row.getAsJsonArray("boxes").get(0).getAsJsonArray();
        assertThat(box.get(0).getAsDouble()).isEqualTo(32);
        assertThat(box.get(1).getAsDouble()).isEqualTo(32);
        assertThat(box.get(2).getAsDouble()).isEqualTo(64);
        assertThat(box.get(3).getAsDouble()).isEqualTo(64);
        assertThat(Files.size(dir.resolve("ov/chest.png.overlay.png"))).isPositive();
        assertThat(JsonParser.parseString(Files.readString(json)).getAsJsonArray()).hasSize(1);
    }

    @Test
    void badFilesAndModelsGetOneLineErrors() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path good = TestImages.uniform(dir.resolve("a.png"), 100);
        Path bad = Files.writeString(dir.resolve("b.png"), "not an image");
        CliRun run = CliRun.of("predict", "--no-gate", good.toString(), bad.toString(), "--model", model.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("error: " + bad);
        CliRun noModel = CliRun.of("predict", "--no-gate", good.toString(), "--model", dir.resolve("none.onnx").toString());
        assertThat(noModel.exit()).isEqualTo(1);
        assertThat(noModel.err()).contains("none.onnx: model file not found");
        CliRun badDevice = CliRun.of("predict", "--no-gate", good.toString(), "--model", model.toString(), "--device", "tpu");
        assertThat(badDevice.err()).contains("unknown device 'tpu'");
    }

    @Test
    void endToEndOnASharedRadiograph() throws IOException {
        Path data = Path.of(System.getProperty("cxr.shared.data", "../shared/data"), "tbx11k-tb", "images");
        Assumptions.assumeTrue(Files.isDirectory(data), "shared data absent: " + data);
        Path image;
        try (Stream<Path> s = Files.list(data)) {
            image = s.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(256), 0.5);
        CliRun run = CliRun.of("predict", "--no-gate", image.toString(), "--model", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject row = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertThat(row.get("tb_probability").getAsDouble()).isBetween(0.0, 1.0);
        for (var b : row.getAsJsonArray("boxes")) {
            assertThat(b.getAsJsonArray().get(2).getAsDouble()).isLessThanOrEqualTo(512);
        }
    }

    @Test
    void anOutputNamingAnInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.1);
        Path img = TestImages.png(dir.resolve("chest.png"), 128, 30, new int[] {32, 32, 64, 64}, 250);
        byte[] film = Files.readAllBytes(img);
        byte[] card = Files.readAllBytes(dir.resolve("m.card.json"));
        CliRun csv = CliRun.of("predict", "--no-gate", img.toString(), "--model", model.toString(), "--csv", img.toString());
        assertThat(csv.exit()).isEqualTo(1);
        assertThat(csv.err()).contains("error: --csv " + img + " is also an input of this command");
        CliRun json = CliRun.of("predict", "--no-gate", dir.toString(), "--model", model.toString(),
                "--json", dir.resolve("m.card.json").toString());
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.err()).contains("error: --json ").contains("is also an input of this command");
        assertThat(Files.readAllBytes(img)).isEqualTo(film);
        assertThat(Files.readAllBytes(dir.resolve("m.card.json"))).isEqualTo(card);
    }
}
