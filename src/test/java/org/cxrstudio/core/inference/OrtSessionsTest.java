package org.cxrstudio.core.inference;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one session loader: its messages name the file and what it was meant to be. */
class OrtSessionsTest {
    @TempDir
    Path dir;

    @Test
    void missingAndCorruptFilesAreNamed() throws Exception {
        Path none = dir.resolve("none.onnx");
        assertThatThrownBy(() -> OrtSessions.openCpu(none, "gate model", 1)).isInstanceOf(ModelLoadException.class)
                .hasMessage(none + ": gate model file not found");
        assertThatThrownBy(() -> OrtSessions.checkedSidecar(none, "teacher model"))
                .hasMessage(none + ": teacher model file not found");
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        assertThatThrownBy(() -> OrtSessions.openCpu(junk, "teacher model", 1)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(junk + ": not a loadable ONNX teacher model (");
        assertThatThrownBy(() -> OrtSessions.openCpu(new byte[] {1, 2, 3}, "gate feature graph", 2))
                .isInstanceOf(ModelLoadException.class).hasMessageStartingWith("gate feature graph: not a loadable ONNX model (");
        assertThatThrownBy(() -> OrtSessions.openCpu(junk, "model", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyFileIsNamedOnOneLine() throws Exception {
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertThatThrownBy(() -> OrtSessions.openCpu(empty, "model", 1)).isInstanceOf(ModelLoadException.class)
                .hasMessage(empty + ": model file is empty (0 bytes)");
        Path noGraph = Files.write(dir.resolve("nograph.onnx"), new byte[] {0x08, 0x07}); // ir_version only
        assertThatThrownBy(() -> OrtSessions.openCpu(noGraph, "model", 1)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(noGraph + ": not a loadable ONNX model (")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void validModelOpensOnCpuAndItsCardIsChecked() throws Exception {
        Path onnx = TestModels.write(dir, "m", "student", TestModels.brightness(32), 0.5);
        assertThat(OrtSessions.checkedSidecar(onnx, "model")).isNotNull();
        OrtSessions.Opened o = OrtSessions.open(onnx, "model", DevicePreference.CPU, 1);
        try (OrtSession s = o.session()) {
            assertThat(o.device()).isEqualTo("CPU");
            assertThat(s.getInputNames()).isNotEmpty();
        }
        assertThat(OrtSessions.checkedSidecar(Files.writeString(dir.resolve("bare.onnx"), "x"), "model")).isNull();
    }
}
