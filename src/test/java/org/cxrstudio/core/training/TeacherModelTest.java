package org.cxrstudio.core.training;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.io.Sha256;
import org.cxrstudio.core.training.nn.ArchSpec;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.onnx.OnnxExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The distillation teacher is opened like every model: its sidecar card's SHA-256 is checked. */
class TeacherModelTest {
    @TempDir
    Path dir;

    @Test
    void teacherMatchingItsCardLoads() throws Exception {
        Path onnx = export("t.onnx");
        try (TeacherModel t = TeacherModel.load(onnx)) {
            assertThat(t.sha256()).isEqualTo(Sha256.ofFile(onnx));
            assertThat(t.card().sha256()).isEqualTo(t.sha256());
            assertThat(t.inputSize()).isEqualTo(32);
        }
    }

    @Test
    void teacherWhoseCardHashDoesNotMatchIsRefused() throws Exception {
        Path onnx = export("t.onnx");
        Path card = ModelFiles.sidecar(onnx);
        String good = ModelCard.fromJson(Files.readString(card, StandardCharsets.UTF_8)).sha256();
        String bad = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);
        Files.writeString(card, Files.readString(card, StandardCharsets.UTF_8).replace(good, bad), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TeacherModel.load(onnx)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(onnx.toString()).hasMessageContaining("SHA-256 " + good)
                .hasMessageContaining("does not match " + bad).hasMessageContaining("t.card.json");
    }

    @Test
    void missingTeacherIsNamed() {
        assertThatThrownBy(() -> TeacherModel.load(dir.resolve("none.onnx")))
                .hasMessageContaining("none.onnx: teacher model file not found");
    }

    private Path export(String name) throws Exception {
        ArchSpec spec = Architectures.preset("student-xs", 32);
        ModelCard card = new ModelCard(spec.name(), "0", spec.name(), "teacher", Preprocessing.perImage(32),
                List.of("tb"), 0.5, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ModelCard.DEFAULT_CAM_OUTPUT, null, null, "");
        Path onnx = dir.resolve(name);
        OnnxExporter.exportRandom(spec, card, onnx, 1);
        return onnx;
    }
}
