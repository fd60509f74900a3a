package org.cxrstudio.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gate-check}: one decision line per file, the gate chosen as in the scoring commands. */
class GateCheckCommandTest {
    @TempDir
    Path dir;

    private Path colour() throws IOException {
        BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                img.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | 40);
            }
        }
        Path p = dir.resolve("photo.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** Smooth shading plus noise: no flat areas or straight edges, so the header rules let it through. */
    private Path shadedGray() throws IOException {
        BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                double v = 120 + 60 * Math.sin(x / 40.0) * Math.cos(y / 55.0) + 12 * random.nextGaussian();
                img.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, v)));
            }
        }
        Path p = dir.resolve("film.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void rulesOnlyRefusesColourAndReportsUnreadableFilesWithoutStopping() throws IOException {
        Path film = shadedGray();
        Path photo = colour();
        Path broken = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        CliRun run = CliRun.of("gate-check", "--gate-rules-only", film.toString(), photo.toString(), broken.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("header, size and colour rules only");
        assertThat(run.out()).contains(film + "\tACCEPTED")
                .contains(photo + "\tREFUSED COLOUR_IMAGE")
                .contains(broken + "\tUNREADABLE")
                .contains("2 of 3 refused");
        CliRun older = CliRun.of("gate-check", "--header-only", photo.toString());
        assertThat(older.out()).isEqualTo(CliRun.of("gate-check", "--gate-rules-only", photo.toString()).out());
    }

    @Test
    void aGateThatCannotBeLoadedIsAClearErrorAndBothChoicesAtOnceAUsageError() throws IOException {
        Path film = TestImages.png(dir.resolve("film.png"), 512, 90, null, 0);
        CliRun missing = CliRun.of("gate-check", "--gate", dir.resolve("none.onnx").toString(), film.toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("none.onnx").contains("nothing is scored without it");
        CliRun both = CliRun.of("gate-check", "--gate", "g.onnx", "--gate-rules-only", film.toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("give either --gate or --gate-rules-only, not both");
    }
}
