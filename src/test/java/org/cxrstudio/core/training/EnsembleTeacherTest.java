package org.cxrstudio.core.training;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.nn.ArchSpec;
import org.cxrstudio.core.training.nn.Architectures;
import org.cxrstudio.core.training.onnx.EnsembleBuilder;
import org.cxrstudio.core.training.onnx.OnnxExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An ensemble built by {@link EnsembleBuilder} passes the distillation teacher's checks and runs. */
class EnsembleTeacherTest {
    @TempDir
    Path dir;

    @Test
    void ensembleLoadsAsDistillationTeacher() throws Exception {
        ArchSpec s32 = Architectures.preset("student-xs", 32);
        ArchSpec s48 = Architectures.preset("student-xs", 48);
        Path a = dir.resolve("a.onnx");
        Path b = dir.resolve("b.onnx");
        OnnxExporter.exportRandom(s32, card(s32), a, 1);
        OnnxExporter.exportRandom(s48, card(s48), b, 2);
        Path ens = dir.resolve("teacher.onnx");
        EnsembleBuilder.build(List.of(a, b), ens, 0, null);
        try (TeacherModel t = TeacherModel.load(ens)) {
            assertThat(t.inputSize()).isEqualTo(48);
            assertThat(t.card().role()).isEqualTo("teacher");
            assertThat(t.preprocessing()).isEqualTo(Preprocessing.perImage(48));
            TeacherModel.Outputs o = t.run(new float[2 * 48 * 48], 2);
            assertThat(o.probability()).hasSize(2);
            assertThat(o.camWidth()).isEqualTo(s48.camSize());
            assertThat(o.camHeight()).isEqualTo(s48.camSize());
        }
    }

    private static ModelCard card(ArchSpec spec) {
        return new ModelCard(spec.name(), "0", spec.name(), "teacher", Preprocessing.perImage(spec.inputSize()),
                List.of("tb"), 0.5, ModelCard.DEFAULT_PROBABILITY_OUTPUT, ModelCard.DEFAULT_CAM_OUTPUT, null, null, "");
    }
}
