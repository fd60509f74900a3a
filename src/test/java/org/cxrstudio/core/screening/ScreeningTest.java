package org.cxrstudio.core.screening;

import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.inference.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScreeningTest {
    @TempDir
    Path dir;

    private static Path gray(Path file, int size, int g) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.getRaster().setSample(x, y, 0, g);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void refusesACtScoresAFilmAndReportsUnreadableFiles() throws IOException {
        Path onnx = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path ct = TestInputs.ctDicom(dir.resolve("ct.dcm"), 256);
        Path film = TestInputs.film(dir.resolve("film.png"), 256, 200);
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        try (InputGate gate = InputGate.headerRulesOnly(); TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            Screening s = new Screening(gate, m, m.postProcessing());
            ScreeningResult refused = s.screen(ct);
            assertThat(refused.refused()).isTrue();
            assertThat(refused.prediction()).isNull();
            assertThat(refused.score()).isNull();
            assertThat(refused.refusalMessage()).contains("CT");

            ScreeningResult scored = s.screen(film);
            assertThat(scored.refused()).isFalse();
            assertThat(scored.isError()).isFalse();
            assertThat(scored.prediction().tbProbability()).isCloseTo(TestModels.uniformScore(200), within(0.01));
            assertThat(scored.score().score()).isEqualTo(TbScore.toScore(scored.prediction().tbProbability()));
            assertThat(scored.score().thresholdScore()).isEqualTo(50);

            ScreeningResult bad = s.screen(junk);
            assertThat(bad.isError()).isTrue();
            assertThat(bad.error()).contains("junk.png");

            ScreeningResult anyway = s.scoreAnyway(ct.toString(), RadiographReader.read(ct), refused.gate());
            assertThat(anyway.overridden()).isTrue();
            assertThat(anyway.prediction()).isNotNull();
            assertThat(anyway.refusalMessage()).isEqualTo(refused.refusalMessage());
        }
    }

    @Test
    void disabledGateScoresEverything() throws IOException {
        Path onnx = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.5);
        Path ct = TestInputs.ctDicom(dir.resolve("ct.dcm"), 256);
        try (InputGate gate = InputGate.disabled(); TbModel m = TbModel.load(onnx, DevicePreference.CPU)) {
            ScreeningResult r = new Screening(gate, m, m.postProcessing()).screen(ct);
            assertThat(r.prediction()).isNotNull();
            assertThat(r.overridden()).isFalse();
        }
    }
}
