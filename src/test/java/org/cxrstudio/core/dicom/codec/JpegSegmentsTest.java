package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one marker-segment walker behind {@link JpegHeader} and the three JPEG-family decoders. */
class JpegSegmentsTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void walksSegmentsSkippingFillBytesAndStandAloneMarkers() throws Exception {
        byte[] data = bytes(0xFF, 0xD8,
                0xFF, 0xE0, 0x00, 0x04, 0xAA, 0xBB,   // APP0, 2 body bytes at 6
                0xFF, 0xFF, 0xFF, 0x01,               // fill bytes, then TEM
                0xFF, 0xD3,                           // RST3
                0xFF, 0xDD, 0x00, 0x04, 0x00, 0x10,   // DRI at 14, body at 18
                0xFF, 0xD9, 0xFF, 0xC0);              // EOI ends the walk
        JpegSegments s = new JpegSegments(data, "T");
        assertThat(s.next()).isEqualTo(0xE0);
        assertThat(s.body()).isEqualTo(6);
        assertThat(s.end()).isEqualTo(8);
        assertThat(s.length()).isEqualTo(4);
        assertThat(s.next()).isEqualTo(JpegSegments.DRI);
        assertThat(s.body()).isEqualTo(18);
        assertThat(JpegSegments.u16(data, s.body(), "T")).isEqualTo(16);
        assertThat(s.next()).isEqualTo(-1);
    }

    @Test
    void missingEoiEndsTheWalkAndResumeAtSkipsEntropyData() throws Exception {
        byte[] data = bytes(0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xDB, 0x00, 0x02);
        JpegSegments s = new JpegSegments(data, "T");
        assertThat(s.next()).isEqualTo(JpegSegments.SOS);
        assertThat(s.end()).isEqualTo(6);
        s.endScan(8); // a scan decoder found the next marker here
        assertThat(s.next()).isEqualTo(JpegSegments.DQT);
        assertThat(s.next()).isEqualTo(-1);
    }

    @Test
    void refusesNonMarkersAndBadLengths() {
        assertThatThrownBy(() -> new JpegSegments(bytes(0xFF, 0xD8, 0x12, 0x34), "T").next())
                .isInstanceOf(CodecException.class).hasMessage("T: expected a marker at byte 2");
        assertThatThrownBy(() -> new JpegSegments(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x09, 0x00), "T").next())
                .isInstanceOf(CodecException.class).hasMessageContaining("0xFFE1 at byte 2 has a bad length 9");
        assertThatThrownBy(() -> new JpegSegments(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01), "T").next())
                .isInstanceOf(CodecException.class).hasMessageContaining("bad length 1");
        assertThatThrownBy(() -> new JpegSegments(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00), "T").next())
                .isInstanceOf(CodecException.class).hasMessage("T: header is truncated");
    }

    @Test
    void sofMarkersExcludeDhtJpgAndDac() {
        assertThat(JpegSegments.isSof(0xC0)).isTrue();
        assertThat(JpegSegments.isSof(0xC3)).isTrue();
        assertThat(JpegSegments.isSof(0xCF)).isTrue();
        assertThat(JpegSegments.isSof(0xC4)).isFalse();
        assertThat(JpegSegments.isSof(0xC8)).isFalse();
        assertThat(JpegSegments.isSof(0xCC)).isFalse();
        assertThat(JpegSegments.isSof(0xF7)).isFalse();
    }

    @Test
    void bitReadersFindTheirOwnMarkersAfterAScan() {
        // 0xFF 0x00 is stuffing for ISO 10918, 0xFF 0x7F is data for JPEG-LS; both end at 0xFF 0xD9
        byte[] data = bytes(0x11, 0xFF, 0x00, 0xFF, 0x7F, 0x22, 0xFF, 0xD9);
        assertThat(new JpegBitReader(data, 0).endOfScan()).isEqualTo(3); // FF 7F is a marker code here
        assertThat(new JpegLsBitReader(data, 0).endOfScan()).isEqualTo(6);
        assertThat(new JpegLsBitReader(bytes(0x11, 0x22), 0).endOfScan()).isEqualTo(2);
    }
}
