package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.training.nn.ArchSpec;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.onnx.OnnxExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ensemble} end to end: the merged teacher is accepted by {@code predict} and {@code eval --into-card}. */
class EnsembleCommandTest {
    @TempDir
    Path dir;

    private Path member(String file, int size, long seed) throws Exception {
        ArchSpec spec = Architectures.preset("student-xs", size);
        ModelCard card = new ModelCard("m-" + size, "0", spec.name(), "teacher", Preprocessing.perImage(size),
                List.of("tb"), 0.3 + seed / 10.0, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ModelCard.DEFAULT_CAM_OUTPUT,
                java.util.Map.of("training_seconds", 100.0 * seed), java.util.Map.of("auc", 0.7 + seed / 100.0), "");
        Path out = dir.resolve(file);
        OnnxExporter.exportRandom(spec, card, out, seed);
        return out;
    }

    @Test
    void mergedTeacherPredictsAndTakesValidationFigures() throws Exception {
        Path a = member("a.onnx", 32, 1);
        Path b = member("b.onnx", 48, 2);
        Path out = dir.resolve("teacher.onnx");
        CliRun run = CliRun.of("ensemble", "--models", a.toString(), b.toString(), "--out", out.toString(), "--size", "64");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("ensemble(student-xs@32, student-xs@48)").contains("input 64 px");
        assertThat(dir.resolve("teacher.card.json")).exists();

        Path images = Files.createDirectories(dir.resolve("images"));
        Path img = TestImages.png(images.resolve("x.png"), 96, 40, new int[] {20, 20, 40, 40}, 220);
        TestImages.uniform(images.resolve("y.png"), 120);
        CliRun predict = CliRun.of("predict", "--no-gate", img.toString(), "--model", out.toString());
        assertThat(predict.exit()).as(predict.err()).isZero();

        Path labels = Files.writeString(dir.resolve("labels.csv"), "filename,label\nx.png,tb\ny.png,normal\n");
        CliRun eval = CliRun.of("eval", "--no-gate", "--model", out.toString(), "--images", images.toString(), "--labels",
                labels.toString(), "--into-card", "val");
        assertThat(eval.exit()).as(eval.err()).isZero();
        try (TbModel m = TbModel.load(out, DevicePreference.CPU)) { // hash still matches after --into-card
            assertThat(m.card().validation()).containsKey("val");
            assertThat(m.card().threshold()).isEqualTo((0.4 + 0.5) / 2, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(m.card().training().get("threshold_source").toString()).startsWith("mean of the members");
            assertThat(m.inputSize()).isEqualTo(64);
            assertThat((Double) m.card().training().get("training_seconds")).isEqualTo(300.0);
            assertThat(m.card().training().get("same_split")).as("members' splits unknown").isEqualTo(false);
            @SuppressWarnings("unchecked")
            List<java.util.Map<String, Object>> members = (List<java.util.Map<String, Object>>) m.card().training().get("members");
            assertThat(members).extracting(e -> e.get("file")).containsExactly("a.onnx", "b.onnx");
            assertThat(members.get(1).get("validation")).isEqualTo(java.util.Map.of("auc", 0.72));
            assertThat(members.get(0).get("sha256")).isEqualTo(org.cxrstudio.core.inference.ModelFiles.sha256(a));
        }
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        Path a = member("a.onnx", 32, 1);
        CliRun one = CliRun.of("ensemble", "--models", a.toString(), "--out", dir.resolve("t.onnx").toString());
        assertThat(one.exit()).isEqualTo(1);
        assertThat(one.err().strip()).isEqualTo("error: an ensemble needs at least two models, got 1");

        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        Files.copy(dir.resolve("a.card.json"), dir.resolve("junk.card.json"));
        CliRun bad = CliRun.of("ensemble", "--models", a.toString(), junk.toString(), "--out", dir.resolve("t.onnx").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().strip()).startsWith("error: " + junk).contains("not an ONNX model").doesNotContain("\n");
    }
}
