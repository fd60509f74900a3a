package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing, corrupt or wrong gate model gives a clear {@link GateLoadException}, never a gate. */
class GateLoadTest {
    @TempDir
    Path dir;

    private GateCard card(String sha) {
        return new GateCard("gate-test", "test", "", sha, 224, 5, 10, 0.2, 256, 2.0, 12, 0.02, 0.0, 0.0, Map.of(), "");
    }

    @Test
    void missingModelSaysHowToBuildIt() {
        assertThatThrownBy(() -> InputGate.load(dir.resolve("gate.onnx")))
                .isInstanceOf(GateLoadException.class).hasMessageContaining("gate model not found")
                .hasMessageContaining("build-gate");
    }

    @Test
    void missingCardIsRefused() throws Exception {
        Path m = Files.write(dir.resolve("gate.onnx"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> InputGate.load(m)).isInstanceOf(GateLoadException.class)
                .hasMessageContaining("gate card not found");
    }

    @Test
    void corruptCardIsRefused() throws Exception {
        Path m = Files.write(dir.resolve("gate.onnx"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("gate.card.json"), "{ not json");
        assertThatThrownBy(() -> InputGate.load(m)).isInstanceOf(GateLoadException.class)
                .hasMessageContaining("gate card");
    }

    @Test
    void modelThatDoesNotMatchItsCardIsRefused() throws Exception {
        Path m = Files.write(dir.resolve("gate.onnx"), new byte[] {1, 2, 3});
        card("00".repeat(32)).write(GateCard.sidecarOf(m));
        assertThatThrownBy(() -> InputGate.load(m)).isInstanceOf(GateLoadException.class)
                .hasMessageContaining("does not match its card");
    }

    @Test
    void garbageModelIsNotLoadable() throws Exception {
        Path m = Files.write(dir.resolve("gate.onnx"), "this is not an ONNX model".getBytes());
        card(InputGate.sha256(m)).write(GateCard.sidecarOf(m));
        assertThatThrownBy(() -> InputGate.load(m)).isInstanceOf(GateLoadException.class)
                .hasMessageContaining("not a loadable ONNX gate model");
    }

    @Test
    void anotherOnnxModelIsNotAGateModel() throws Exception {
        Path student = Path.of("models/student.onnx");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(student), "models/student.onnx absent");
        Path m = Files.copy(student, dir.resolve("gate.onnx"));
        card(InputGate.sha256(m)).write(GateCard.sidecarOf(m));
        assertThatThrownBy(() -> InputGate.load(m)).isInstanceOf(GateLoadException.class)
                .hasMessageContaining("not a gate model");
    }

    @Test
    void cardRoundTrips() throws Exception {
        Path f = dir.resolve("x.card.json");
        GateCard c = new GateCard("gate-1", "net", "ab", "cd", 224, 5, 900, 0.23, 256, 2.0, 12, 0.02, 0.0, 0.0,
                Map.of("validation_film_acceptance", 0.995), "notice");
        c.write(f);
        assertThat(GateCard.read(f)).isEqualTo(c);
    }

    @Test
    void aMalformedCardIsOneLineNamingTheFile() throws Exception {
        Path f = dir.resolve("bad.card.json");
        for (String json : new String[] {"{\"version\": \"g\", \"measured\": {\"a\": null}}",
                "{\"notice\": " + "[".repeat(300_000) + "]".repeat(300_000) + "}"}) {
            Files.writeString(f, json);
            assertThatThrownBy(() -> GateCard.read(f)).isInstanceOf(GateLoadException.class)
                    .hasMessageStartingWith(f + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\n"));
        }
    }

    @Test
    void defaultLookupListsWhereItLooked() {
        String old = System.getProperty(InputGate.MODEL_PROPERTY);
        System.setProperty(InputGate.MODEL_PROPERTY, dir.resolve("nowhere/gate.onnx").toString());
        try {
            assertThatThrownBy(InputGate::loadDefault).isInstanceOf(GateLoadException.class)
                    .hasMessageContaining("nowhere");
        } finally {
            if (old == null) {
                System.clearProperty(InputGate.MODEL_PROPERTY);
            } else {
                System.setProperty(InputGate.MODEL_PROPERTY, old);
            }
        }
    }
}
