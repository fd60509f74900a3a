package org.cxrstudio.core.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the PNG and JPEG readers ({@link RasterImageReader}, with the PNG
 * chunk walk before ImageIO) with Jazzer (docs/fuzzing.md). Invariant: a consistent
 * {@link Radiograph} or a one-line {@link ImageReadException}, nothing else. Only our classes are
 * instrumented by default, so coverage feedback comes from our code; ImageIO still sees every
 * mutated input.
 */
class RasterReaderFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void png(byte[] data) {
        read(data, SourceFormat.PNG);
    }

    @FuzzTest(maxDuration = "10m")
    void jpeg(byte[] data) {
        read(data, SourceFormat.JPEG);
    }

    private static void read(byte[] data, SourceFormat format) {
        try {
            Radiograph r = RasterImageReader.read("fuzz.img", data, format);
            assertThat(r.pixels()).hasSize(r.columns() * r.rows());
            assertThat(Math.min(r.columns(), r.rows())).isGreaterThanOrEqualTo(ImageLimits.MIN_SIDE);
            assertThat(r.bitsStored()).isBetween(1, 16);
        } catch (ImageReadException e) {
            assertThat(e.getMessage()).startsWith("fuzz.img: ").doesNotContain("\n");
        }
    }

    /** Each seed decodes, through the format-sniffing entry point too. */
    @Test
    void everySeedDecodes() throws Exception {
        int n = 0;
        for (String dir : new String[] {"png", "jpeg"}) {
            Path d = Path.of(RasterReaderFuzzTest.class.getResource("RasterReaderFuzzTestInputs/" + dir).toURI());
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : s.filter(f -> f.getFileName().toString().startsWith("seed-")).toList()) {
                    Radiograph r = RadiographReader.read(p.toString(), Files.readAllBytes(p));
                    assertThat(r.format()).isEqualTo(dir.toUpperCase());
                    n++;
                }
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(8);
    }
}
