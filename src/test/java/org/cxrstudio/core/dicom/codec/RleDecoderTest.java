package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RleDecoderTest {

    private static final FrameInfo GRAY8_2X3 = new FrameInfo(2, 3, 1, 8, 8, false, "MONOCHROME2", 0);

    /** Header with the given segments, each placed after the previous one. */
    private static byte[] frame(byte[]... segments) {
        int size = 64;
        for (byte[] s : segments) {
            size += s.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(segments.length);
        int offset = 64;
        for (int i = 0; i < 15; i++) {
            b.putInt(i < segments.length ? offset : 0);
            offset += i < segments.length ? segments[i].length : 0;
        }
        for (byte[] s : segments) {
            b.put(s);
        }
        return b.array();
    }

    @Test
    void decodesLiteralAndReplicateRuns() throws Exception {
        // literal run of 2 (7, 9), replicate 4 x 5, no-op -128
        byte[] seg = {1, 7, 9, -3, 5, -128};
        assertThat(new RleDecoder().decode(frame(seg), GRAY8_2X3)).containsExactly(7, 9, 5, 5, 5, 5);
    }

    @Test
    void sixteenBitCombinesHighThenLowBytePlanes() throws Exception {
        FrameInfo info = new FrameInfo(1, 2, 1, 16, 12, false, "MONOCHROME2", 0);
        byte[] high = {1, 0x0A, 0x01};
        byte[] low = {1, (byte) 0xBC, 0x02};
        assertThat(new RleDecoder().decode(frame(high, low), info)).containsExactly(0x0ABC, 0x0102);
    }

    @Test
    void threeSamplesAreInterleaved() throws Exception {
        FrameInfo info = new FrameInfo(1, 2, 3, 8, 8, false, "RGB", 1);
        byte[] r = {-1, 10};
        byte[] g = {-1, 20};
        byte[] bl = {1, 30, 31};
        assertThat(new RleDecoder().decode(frame(r, g, bl), info)).containsExactly(10, 20, 30, 10, 20, 31);
    }

    @Test
    void trailingPaddingIsIgnored() throws Exception {
        byte[] seg = {-5, 1, 0};
        assertThat(new RleDecoder().decode(frame(seg), GRAY8_2X3)).containsExactly(1, 1, 1, 1, 1, 1);
    }

    @Test
    void shortSegmentIsAClearError() {
        byte[] seg = {-2, 1};
        assertThatThrownBy(() -> new RleDecoder().decode(frame(seg), GRAY8_2X3))
                .isInstanceOf(CodecException.class).hasMessageContaining("segment 1 ends after 3 of 6");
    }

    @Test
    void wrongSegmentCountAndBadOffsetsAreClearErrors() {
        byte[] seg = {-5, 1};
        byte[] two = frame(seg, seg);
        assertThatThrownBy(() -> new RleDecoder().decode(two, GRAY8_2X3))
                .isInstanceOf(CodecException.class).hasMessageContaining("2 segments, expected 1");
        byte[] bad = frame(seg);
        bad[4] = (byte) 0xFF;
        bad[5] = (byte) 0x7F;
        assertThatThrownBy(() -> new RleDecoder().decode(bad, GRAY8_2X3))
                .isInstanceOf(CodecException.class).hasMessageContaining("outside the frame");
        assertThatThrownBy(() -> new RleDecoder().decode(new byte[10], GRAY8_2X3))
                .isInstanceOf(CodecException.class).hasMessageContaining("header");
    }

    @Test
    void matchesDcmtkOn16BitChest(@TempDir Path tmp) throws Exception {
        Path ls = Fixtures.dicom("derived/RG1_from_J2KI_jpegls_lossless.dcm");
        Path plain = tmp.resolve("plain.dcm");
        Path rle = tmp.resolve("rle.dcm");
        Fixtures.run("dcmdjpls", ls.toString(), plain.toString());
        Fixtures.run("dcmcrle", plain.toString(), rle.toString());
        assertBitExact(rle, tmp);
    }

    @Test
    void matchesDcmtkOn8BitChest(@TempDir Path tmp) throws Exception {
        Path jpeg = Fixtures.dicom("original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm");
        Path plain = tmp.resolve("plain.dcm");
        Path rle = tmp.resolve("rle.dcm");
        Fixtures.run("dcmdjpeg", jpeg.toString(), plain.toString());
        Fixtures.run("dcmcrle", plain.toString(), rle.toString());
        assertBitExact(rle, tmp);
    }

    private static void assertBitExact(Path rle, Path tmp) throws Exception {
        TestDicom d = TestDicom.read(rle);
        assertThat(d.transferSyntax()).isEqualTo("1.2.840.10008.1.2.5");
        int[] ours = Codecs.forTransferSyntax(d.transferSyntax()).orElseThrow().decode(d.firstFrame(), d.info());
        int[] oracle = Fixtures.dcmtkFirstFrame(rle, tmp);
        assertThat(Fixtures.firstDifference(ours, oracle)).as("first differing sample").isEqualTo(-1);
    }
}
