package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random byte flips and truncations (fixed seeds) of real frames: every decoder must either
 * return a frame of the right size or throw {@link CodecException}; never another exception,
 * never hang. Frames are small so the whole test takes seconds.
 */
class CodecFuzzTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm, 1, 40",
            "original/RG3_J2KI.dcm, 2, 12",
            "original/JPEG-LL.dcm, 4, 40",
            "jls:original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm, 5, 40",
            "rle:original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm, 3, 40",
    })
    void corruptFramesFailCleanly(String source, long seed, int cases, @TempDir Path tmp) throws Exception {
        TestDicom d = load(source, tmp);
        FrameDecoder decoder = Codecs.forTransferSyntax(d.transferSyntax()).orElseThrow();
        byte[] original = d.firstFrame();
        Random random = new Random(seed);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int c = 0; c < cases; c++) {
                byte[] bad = mutate(original, random);
                try {
                    int[] out = decoder.decode(bad, d.info());
                    assertThat(out).hasSize((int) d.info().sampleCount());
                    outcomes[0]++;
                } catch (CodecException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("case " + c + " of " + source + " threw " + t, t);
                }
            }
        });
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(cases);
    }

    static byte[] mutate(byte[] original, Random random) {
        if (random.nextInt(3) == 0) {
            return Arrays.copyOf(original, random.nextInt(original.length));
        }
        byte[] bad = original.clone();
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips; i++) {
            // bias towards the header, where the interesting failures are
            int at = random.nextBoolean() ? random.nextInt(Math.min(bad.length, 700)) : random.nextInt(bad.length);
            bad[at] ^= (byte) (1 << random.nextInt(8));
        }
        return bad;
    }

    /** {@code rle:FILE} / {@code jls:FILE} is FILE transcoded to RLE / JPEG-LS with dcmtk; otherwise the file itself. */
    static TestDicom load(String source, Path tmp) throws Exception {
        if (!source.startsWith("rle:") && !source.startsWith("jls:")) {
            return TestDicom.read(Fixtures.dicom(source));
        }
        Path in = Fixtures.dicom(source.substring(4));
        Path plain = tmp.resolve("plain.dcm");
        Path out = tmp.resolve("out.dcm");
        Fixtures.run("dcmdjpeg", in.toString(), plain.toString());
        Fixtures.run(source.startsWith("rle:") ? "dcmcrle" : "dcmcjpls", plain.toString(), out.toString());
        return TestDicom.read(out);
    }
}
