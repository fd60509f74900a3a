package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dcmtk has no JPEG 2000 codec, so the oracle is OpenJPEG: the shared data's derived files hold
 * RG1_J2KI's pixels as decoded by OpenJPEG 2.5.0; {@code opj_decompress} checks RG3 when installed.
 * Both paths are checked: the default (OpenJPEG when libopenjp2 is installed) and jai-imageio.
 */
class Jpeg2000DecoderTest {

    @Test
    void lossyChestIsWithinOneOfOpenJpegDecodeStoredInDerivedFile(@TempDir Path tmp) throws Exception {
        TestDicom j2k = TestDicom.read(Fixtures.dicom("original/RG1_J2KI.dcm"));
        assertThat(j2k.transferSyntax()).isEqualTo("1.2.840.10008.1.2.4.91");
        lossyChestIsWithinOneOfOpenJpeg(Codecs.forTransferSyntax(j2k.transferSyntax()).orElseThrow(), j2k, tmp);
    }

    /** The jai-imageio fallback (no libopenjp2, JP2 files, -Dcxr.j2k=java) keeps its ±1 agreement. */
    @Test
    void javaPathLossyChestIsWithinOneOfOpenJpeg(@TempDir Path tmp) throws Exception {
        TestDicom j2k = TestDicom.read(Fixtures.dicom("original/RG1_J2KI.dcm"));
        lossyChestIsWithinOneOfOpenJpeg(new Jpeg2000Decoder(false), j2k, tmp);
    }

    private static void lossyChestIsWithinOneOfOpenJpeg(FrameDecoder decoder, TestDicom j2k, Path tmp) throws Exception {
        int[] ours = decoder.decode(j2k.firstFrame(), j2k.info());
        int[] oracle = Fixtures.dcmtkFirstFrame(Fixtures.dicom("derived/RG1_from_J2KI_jpegls_lossless.dcm"), tmp);
        // The irreversible 9/7 wavelet is computed in floating point; decoders may round
        // differently (measured: 57042 of 3.6 M samples differ by exactly 1 from OpenJPEG 2.5.0).
        assertThat(ours).hasSameSizeAs(oracle);
        int differing = 0;
        assertThat(maxAbsDifference(ours, oracle)).isLessThanOrEqualTo(1);
        for (int i = 0; i < ours.length; i++) {
            differing += ours[i] != oracle[i] ? 1 : 0;
        }
        assertThat(differing).isLessThan(ours.length / 50);
    }

    @Test
    void losslessMatchesOpjDecompressBitExact(@TempDir Path tmp) throws Exception {
        Fixtures.requireTool("opj_decompress");
        for (String name : new String[] {"original/RG3_J2KR.dcm"}) {
            TestDicom d = TestDicom.read(Fixtures.dicom(name));
            Path j2k = tmp.resolve("f.j2k");
            Path pgm = tmp.resolve("f.pgm");
            Files.write(j2k, d.firstFrame());
            Files.deleteIfExists(pgm);
            Fixtures.run("opj_decompress", "-quiet", "-i", j2k.toString(), "-o", pgm.toString());
            int[] oracle = readPgm(Files.readAllBytes(pgm));
            for (boolean allowNative : new boolean[] {true, false}) {
                int[] ours = new Jpeg2000Decoder(allowNative).decode(d.firstFrame(), d.info());
                assertThat(Fixtures.firstDifference(ours, oracle)).as(name + (allowNative ? "" : " (jai)")).isEqualTo(-1);
            }
        }
    }

    @Test
    void lossyExtremityIsWithinOneOfOpjDecompress(@TempDir Path tmp) throws Exception {
        Fixtures.requireTool("opj_decompress");
        TestDicom d = TestDicom.read(Fixtures.dicom("original/RG3_J2KI.dcm"));
        Path j2k = tmp.resolve("f.j2k");
        Path pgm = tmp.resolve("f.pgm");
        Files.write(j2k, d.firstFrame());
        Fixtures.run("opj_decompress", "-quiet", "-i", j2k.toString(), "-o", pgm.toString());
        int[] oracle = readPgm(Files.readAllBytes(pgm));
        for (boolean allowNative : new boolean[] {true, false}) {
            int[] ours = new Jpeg2000Decoder(allowNative).decode(d.firstFrame(), d.info());
            assertThat(ours).hasSameSizeAs(oracle);
            assertThat(maxAbsDifference(ours, oracle)).isLessThanOrEqualTo(1);
        }
    }

    private static int maxAbsDifference(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void garbageIsAClearError() {
        FrameInfo info = new FrameInfo(64, 64, 1, 16, 12, false, "MONOCHROME2", 0);
        assertThatThrownBy(() -> new Jpeg2000Decoder().decode(new byte[] {(byte) 0xFF, 0x4F, 0, 0, 1, 2}, info))
                .isInstanceOf(CodecException.class).hasMessageStartingWith("JPEG 2000:");
    }

    /** Binary PGM (P5), 8 or 16 bit big-endian. */
    static int[] readPgm(byte[] b) {
        int pos = 0;
        int[] header = new int[3];
        String magic = new String(b, 0, 2);
        assertThat(magic).isEqualTo("P5");
        pos = 2;
        for (int i = 0; i < 3; i++) {
            while (Character.isWhitespace(b[pos]) || b[pos] == '#') {
                if (b[pos] == '#') {
                    while (b[pos] != '\n') {
                        pos++;
                    }
                }
                pos++;
            }
            int v = 0;
            while (!Character.isWhitespace(b[pos])) {
                v = v * 10 + (b[pos++] - '0');
            }
            header[i] = v;
        }
        pos++;
        int n = header[0] * header[1];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = header[2] > 255 ? (b[pos + 2 * i] & 0xFF) << 8 | (b[pos + 2 * i + 1] & 0xFF) : b[pos + i] & 0xFF;
        }
        return out;
    }
}
