package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** First-frame extraction from native and encapsulated multi-frame pixel data. */
class MultiFrameTest {

    @Test
    void nativeMultiFrameGivesFirstFrame() throws DicomException {
        int[] px = new int[3 * 64];
        for (int i = 0; i < px.length; i++) {
            px[i] = i;
        }
        DicomWriter w = SyntheticDicom.gray(8, 8, 16, 16, false, "MONOCHROME2").string(Tags.NUMBER_OF_FRAMES, "IS", "3")
                .pixels16(px);
        DicomImage img = DicomReader.read(w.toBytes(TransferSyntax.EXPLICIT_LE), "mf.dcm");
        assertThat(img.frames()).isEqualTo(3);
        assertThat(img.pixels()).hasSize(64).startsWith(0, 1, 2).endsWith(63);
    }

    /** An encapsulated Pixel Data element (explicit VR LE) with the given BOT and fragments. */
    static byte[] encapsulated(int[] bot, byte[]... fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new DicomWriter().string(Tags.MODALITY, "CS", "CR").dataset(true, false));
        out.writeBytes(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        item(out, le32s(bot));
        for (byte[] f : fragments) {
            item(out, f);
        }
        out.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0});
        return out.toByteArray();
    }

    private static void item(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(new byte[] {-2, -1, 0, -32});
        out.writeBytes(le32s(new int[] {value.length}));
        out.writeBytes(value);
    }

    private static byte[] le32s(int[] v) {
        byte[] b = new byte[v.length * 4];
        for (int i = 0; i < v.length; i++) {
            b[4 * i] = (byte) v[i];
            b[4 * i + 1] = (byte) (v[i] >> 8);
            b[4 * i + 2] = (byte) (v[i] >> 16);
            b[4 * i + 3] = (byte) (v[i] >> 24);
        }
        return b;
    }

    private static byte[] firstFrame(byte[] element, int frames) throws DicomException {
        DicomFile f = DicomParser.parse(element, "enc.dcm");
        return FrameExtractor.firstFrame(f.dataset().get(Tags.PIXEL_DATA).orElseThrow(), frames, "enc.dcm");
    }

    @Test
    void basicOffsetTableSelectsTheFragmentsOfFrameOne() throws DicomException {
        byte[] a = {1, 2, 3, 4};
        byte[] b = {5, 6};
        byte[] c = {7, 8, 9, 10};
        // frame 0 = fragments a+b (8+4 + 8+2 = 22 bytes), frame 1 = c at offset 22
        assertThat(firstFrame(encapsulated(new int[] {0, 22}, a, b, c), 2)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void withoutOffsetTable() throws DicomException {
        byte[] f0 = {1, 2};
        byte[] f1 = {3, 4};
        // one fragment per frame
        assertThat(firstFrame(encapsulated(new int[0], f0, f1), 2)).containsExactly(1, 2);
        // a single frame spread over fragments: all of them
        assertThat(firstFrame(encapsulated(new int[0], f0, f1), 1)).containsExactly(1, 2, 3, 4);
        // more fragments than frames: up to the first end-of-image marker
        byte[] p1 = {(byte) 0xFF, (byte) 0xD8, 0x11, 0x22};
        byte[] p2 = {0x33, 0x44, (byte) 0xFF, (byte) 0xD9};
        byte[] p3 = {(byte) 0xFF, (byte) 0xD8, 0x55, 0x66};
        assertThat(firstFrame(encapsulated(new int[0], p1, p2, p3), 2)).hasSize(8).endsWith(0xFF, 0xD9);
    }

    @Test
    void emptyEncapsulatedDataIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> firstFrame(encapsulated(new int[0]), 1))
                .isInstanceOf(DicomException.class).hasMessageContaining("no fragments");
    }
}
