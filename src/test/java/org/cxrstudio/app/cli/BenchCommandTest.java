package org.cxrstudio.app.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.cxrstudio.core.inference.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportsTheDocumentedFieldsForStudentAndTeacherInOneRun() throws IOException {
        Path student = TestModels.write(dir, "student", "student", TestModels.brightness(64), 0.5);
        Path teacher = TestModels.write(dir, "teacher", "teacher", TestModels.brightness(128), 0.5);
        Path json = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench", "--model", student.toString(), "--model", teacher.toString(),
                "--runs", "4", "--warmup", "1", "--warmup-seconds", "0", "--batch", "2", "--json", json.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(j.keySet()).containsExactly("models", "peak_rss_mb", "student_speedup_vs_teacher");
        assertThat(j.getAsJsonArray("models")).hasSize(2);
        JsonObject m = j.getAsJsonArray("models").get(0).getAsJsonObject();
        assertThat(m.keySet()).containsExactly("model", "p50_ms", "p90_ms", "p50_ms_with_decode", "throughput_img_s", "load_ms", "first_prediction_ms",
                "stages_p50_ms");
        JsonObject stages = m.getAsJsonObject("stages_p50_ms");
        assertThat(stages.keySet()).containsExactly("render", "prepare", "network_and_heatmap", "boxes");
        for (String k : stages.keySet()) {
            assertThat(stages.get(k).getAsDouble()).as(k).isNotNegative();
        }
        assertThat(stages.get("prepare").getAsDouble()).isPositive();
        assertThat(m.get("p90_ms").getAsDouble()).isGreaterThanOrEqualTo(m.get("p50_ms").getAsDouble());
        assertThat(j.get("peak_rss_mb").getAsDouble()).isPositive();
        assertThat(j.get("student_speedup_vs_teacher").getAsDouble()).isPositive();
    }

    @Test
    void anAbsurdBatchAndAJsonPathThatIsAFolderAreClearErrors() throws IOException {
        Path student = TestModels.write(dir, "student", "student", TestModels.brightness(64), 0.5);
        CliRun huge = CliRun.of("bench", "--model", student.toString(), "--runs", "2", "--batch", "100000");
        assertThat(huge.exit()).isEqualTo(1);
        assertThat(huge.err()).contains("error: --batch must be 1..1024");
        Path folder = Files.createDirectories(dir.resolve("results"));
        CliRun run = CliRun.of("bench", "--model", student.toString(), "--runs", "2", "--warmup", "1",
                "--warmup-seconds", "0", "--batch", "2", "--json", folder.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + folder + ": is a folder");
        assertThat(dir.resolve("results.tmp")).doesNotExist();
    }
}
