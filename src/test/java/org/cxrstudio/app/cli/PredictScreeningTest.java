package org.cxrstudio.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cxrstudio.core.eval.OperatingPoint;
import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.eval.Wilson;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.TestModels;
import org.cxrstudio.core.screening.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code predict} with the input gate, {@code --csv} and {@code --site}. */
class PredictScreeningTest {
    @TempDir
    Path dir;

    @Test
    void refusedFilesGetAReasonAndNoProbabilityAndDoNotFailTheRun() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path film = TestInputs.film(dir.resolve("film.png"), 256, 200);
        Path ct = TestInputs.ctDicom(dir.resolve("ct.dcm"), 256);
        Path json = dir.resolve("out.json");
        CliRun run = CliRun.of("predict", film.toString(), ct.toString(), "--model", model.toString(),
                "--gate-rules-only", "--json", json.toString(), "--device", "cpu");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonArray rows = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        assertThat(rows).hasSize(2);
        JsonObject scored = rows.get(0).getAsJsonObject();
        assertThat(scored.has("tb_probability")).isTrue();
        assertThat(scored.has("refused")).isFalse();
        JsonObject refused = rows.get(1).getAsJsonObject();
        assertThat(refused.get("file").getAsString()).isEqualTo(ct.toString());
        assertThat(refused.get("refused").getAsString()).contains("CT");
        assertThat(refused.get("reason").getAsString()).isEqualTo("NOT_RADIOGRAPH_MODALITY");
        assertThat(refused.has("tb_probability")).isFalse();
        assertThat(refused.has("score")).isFalse();
        assertThat(run.err()).contains(ct + ": not scored: ").contains("1 of 2 file(s) refused by the input gate");
    }

    @Test
    void csvHasOneRowPerInputIncludingErrorsAndRefusals() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path film = TestInputs.film(in.resolve("a_film.png"), 256, 200);
        Path junk = Files.writeString(in.resolve("b_junk.png"), "not an image");
        Path ct = TestInputs.ctDicom(in.resolve("c_ct.dcm"), 256);
        Path csv = dir.resolve("out.csv");
        CliRun run = CliRun.of("predict", in.toString(), "--model", model.toString(), "--gate-rules-only",
                "--csv", csv.toString(), "--device", "cpu");
        assertThat(run.exit()).as("an unreadable file still fails the batch").isEqualTo(1);
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            assertThat(p.getHeaderNames()).containsExactly("file", "tb_probability", "score", "positive", "refused", "error");
            records = p.getRecords();
        }
        assertThat(records).hasSize(3);
        CSVRecord a = records.get(0);
        assertThat(a.get("file")).isEqualTo(film.toString());
        assertThat(Double.parseDouble(a.get("tb_probability"))).isBetween(0.0, 1.0);
        assertThat(Integer.parseInt(a.get("score"))).isEqualTo((int) Math.round(100 * Double.parseDouble(a.get("tb_probability"))));
        assertThat(a.get("positive")).isEqualTo("true"); // gray 200 scores 0.80 >= 0.5
        assertThat(a.get("refused")).isEmpty();
        assertThat(a.get("error")).isEmpty();
        CSVRecord b = records.get(1);
        assertThat(b.get("file")).isEqualTo(junk.toString());
        assertThat(b.get("tb_probability")).isEmpty();
        assertThat(b.get("error")).contains("b_junk.png");
        CSVRecord c = records.get(2);
        assertThat(c.get("file")).isEqualTo(ct.toString());
        assertThat(c.get("tb_probability")).isEmpty();
        assertThat(c.get("score")).isEmpty();
        assertThat(c.get("refused")).contains("CT");
    }

    @Test
    void noGateIsAnnouncedAndAMissingGateStopsTheRun() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path ct = TestInputs.ctDicom(dir.resolve("ct.dcm"), 256);
        CliRun off = CliRun.of("predict", ct.toString(), "--model", model.toString(), "--no-gate", "--device", "cpu");
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.err()).contains("input gate OFF (--no-gate): files that are not frontal chest X-rays are not refused");
        assertThat(JsonParser.parseString(off.out().strip()).getAsJsonObject().has("tb_probability")).isTrue();
        CliRun missing = CliRun.of("predict", ct.toString(), "--model", model.toString(), "--gate",
                dir.resolve("nogate.onnx").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nogate.onnx").doesNotContain("Exception");
        assertThat(missing.out()).isEmpty();
        CliRun both = CliRun.of("predict", ct.toString(), "--model", model.toString(), "--no-gate", "--gate-rules-only");
        assertThat(both.exit()).isEqualTo(2);
    }

    @Test
    void siteProfileSetsTheThresholdAndOneForAnotherModelIsRefused() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path other = TestModels.write(dir, "other", "student", TestModels.brightness(32), 0.5);
        Path film = TestInputs.film(dir.resolve("film.png"), 256, 150); // scores 0.58
        SiteProfile p = new SiteProfile("Clinic X", "2026-12-02", "test-m", ModelFiles.sha256(model), 0.7, 0.9,
                new OperatingPoint(0.7, 9, 2, 8, 1), Wilson.interval95(9, 10), Wilson.interval95(8, 10), 0, "");
        Path site = dir.resolve("site.json");
        p.write(site);
        CliRun run = CliRun.of("predict", film.toString(), "--model", model.toString(), "--site", site.toString(),
                "--gate-rules-only", "--device", "cpu");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject row = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertThat(row.get("threshold").getAsDouble()).isEqualTo(0.7);
        assertThat(row.get("positive").getAsBoolean()).isFalse();
        assertThat(run.err()).contains("below this clinic's threshold 70");
        CliRun wrong = CliRun.of("predict", film.toString(), "--model", other.toString(), "--site", site.toString(),
                "--gate-rules-only", "--device", "cpu");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("site profile 'Clinic X' was made for model test-m");
        assertThat(wrong.out()).isEmpty();
    }
}
