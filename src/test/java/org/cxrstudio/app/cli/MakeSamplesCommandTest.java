package org.cxrstudio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeSamplesCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesReadableSmallSamples() throws IOException {
        CliRun run = CliRun.of("make-samples", "--out", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(7);
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
            Radiograph r = RadiographReader.read(f);
            assertThat(r.columns()).isIn(256, 512);
        }
        assertThat(total).isLessThan(2_000_000);
    }

    @Test
    void mono1RendersAsInverseOfItsMono2Twin() throws IOException {
        assertThat(CliRun.of("make-samples", "--out", dir.toString()).exit()).isZero();
        Radiograph m1 = RadiographReader.read(dir.resolve("chest-phantom-mono1-12bit.dcm"));
        Radiograph m2 = RadiographReader.read(dir.resolve("chest-phantom-mono2-16bit.dcm"));
        assertThat(m1.photometric()).isEqualTo(Photometric.MONOCHROME1);
        assertThat(m2.photometric()).isEqualTo(Photometric.MONOCHROME2);
        GrayImage a = DisplayPipeline.render(m1, null, false);
        GrayImage b = DisplayPipeline.render(m2, DisplayPipeline.percentileWindow(m2), false);
        GrayImage a2 = DisplayPipeline.render(m1, DisplayPipeline.percentileWindow(m1), false);
        int maxPct = 0;
        for (int i = 0; i < a.gray().length; i++) {
            maxPct = Math.max(maxPct, Math.abs((a2.gray()[i] & 0xFF) - (b.gray()[i] & 0xFF)));
        }
        assertThat(maxPct).as("MONOCHROME1 12-bit vs MONOCHROME2 16-bit twin, same percentile windowing").isLessThanOrEqualTo(2);
        // lungs (dark on a correct chest rendering) must be dark in both
        int lung = 256 * 512 + 150;
        assertThat(a.gray()[lung] & 0xFF).isLessThan(100);
        assertThat(b.gray()[lung] & 0xFF).isLessThan(100);
    }

    @Test
    void committedSamplesMatchAFreshRun() throws IOException {
        Path committed = Path.of(System.getProperty("cxr.project.dir", ".")).resolve("sample-images");
        assumeTrue(Files.isDirectory(committed), "no sample-images/ folder: skipping");
        assertThat(CliRun.of("make-samples", "--out", dir.toString()).exit()).isZero();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                assertThat(Files.readAllBytes(committed.resolve(f.getFileName()))).as(f.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
    }
}
