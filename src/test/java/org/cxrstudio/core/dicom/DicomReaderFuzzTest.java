package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of {@link DicomReader} with Jazzer (docs/fuzzing.md). Invariant: any
 * bytes either decode to a consistent image or fail with a one-line {@link DicomException}
 * naming the source; any other exception, a hang or an out-of-memory error is a finding. In the
 * default test run only the seeds in {@code DicomReaderFuzzTestInputs/read} (and past findings)
 * are replayed; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DicomReaderFuzzTest {
    static final String SEEDS = "DicomReaderFuzzTestInputs/read";

    @FuzzTest(maxDuration = "30m")
    void read(byte[] data) {
        try {
            DicomImage img = DicomReader.read(data, "fuzz.dcm");
            assertThat(img.columns()).isBetween(1, PixelGeometry.MAX_SIDE);
            assertThat(img.rows()).isBetween(1, PixelGeometry.MAX_SIDE);
            assertThat(img.pixels()).hasSize(img.columns() * img.rows());
            assertThat(img.bitsStored()).isBetween(1, img.bitsAllocated());
        } catch (DicomException e) {
            assertOneLine(e.getMessage(), "fuzz.dcm: ");
        }
    }

    static void assertOneLine(String message, String prefix) {
        assertThat(message).startsWith(prefix).doesNotContain("\n").doesNotContain("\r");
    }

    /** The seeds are worth mutating only if they decode: each one does. */
    @Test
    void everySeedDecodes() throws IOException, URISyntaxException {
        List<Path> seeds = seeds(DicomReaderFuzzTest.class, SEEDS);
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(12);
        for (Path p : seeds) {
            if (p.getFileName().toString().startsWith("seed-")) {
                DicomImage img = DicomReader.read(Files.readAllBytes(p), p.toString());
                assertThat(img.pixels()).as(p.toString()).isNotEmpty();
            }
        }
    }

    /** The files of a seed directory on the test class path. */
    static List<Path> seeds(Class<?> owner, String dir) throws IOException, URISyntaxException {
        Path d = Path.of(owner.getResource(dir).toURI());
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
