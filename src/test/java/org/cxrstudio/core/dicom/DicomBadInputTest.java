package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Each kind of malformed file gives one clear {@link DicomException}, quickly, without huge allocations. */
class DicomBadInputTest {

    private static void fails(byte[] data, String... fragments) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            var t = assertThatThrownBy(() -> DicomReader.read(data, "bad.dcm")).isInstanceOf(DicomException.class)
                    .hasMessageStartingWith("bad.dcm: ");
            for (String f : fragments) {
                t.hasMessageContaining(f);
            }
            t.extracting(Throwable::getMessage).asString().doesNotContain("\n");
        });
    }

    @Test
    void truncatedAtEveryRegion() {
        byte[] full = SyntheticDicom.ramp12().toBytes(TransferSyntax.EXPLICIT_LE);
        for (int cut = 133; cut < full.length; cut += 7) {
            fails(Arrays.copyOf(full, cut));
        }
    }

    @Test
    void missingPixelData() {
        fails(SyntheticDicom.gray(8, 8, 16, 12, false, "MONOCHROME2").toBytes(TransferSyntax.EXPLICIT_LE),
                "no Pixel Data");
    }

    @Test
    void sixteenBitDataClaimingEight() {
        fails(SyntheticDicom.gray(64, 64, 8, 8, false, "MONOCHROME2").pixels16(new int[64 * 64])
                .toBytes(TransferSyntax.EXPLICIT_LE), "wrong Bits Allocated");
    }

    @Test
    void pixelDataTooShortForDimensions() {
        fails(SyntheticDicom.gray(64, 64, 16, 12, false, "MONOCHROME2").pixels16(new int[100])
                .toBytes(TransferSyntax.EXPLICIT_LE), "pixel data has 200 bytes");
    }

    @Test
    void dimensionsOverLimitRejectedBeforeAllocation() {
        fails(SyntheticDicom.gray(20000, 20000, 16, 12, false, "MONOCHROME2").pixels16(new int[16])
                .toBytes(TransferSyntax.EXPLICIT_LE), "20000x20000", "limit");
        fails(SyntheticDicom.gray(16000, 16000, 16, 12, false, "MONOCHROME2").pixels16(new int[16])
                .toBytes(TransferSyntax.EXPLICIT_LE), "megapixels");
    }

    @Test
    void unsupportedBitDepths() {
        fails(SyntheticDicom.gray(8, 8, 32, 32, false, "MONOCHROME2").pixels16(new int[128])
                .toBytes(TransferSyntax.EXPLICIT_LE), "Bits Allocated 32");
        fails(SyntheticDicom.gray(8, 8, 16, 17, false, "MONOCHROME2").pixels16(new int[64])
                .toBytes(TransferSyntax.EXPLICIT_LE), "Bits Stored 17");
    }

    @Test
    void elementLengthBeyondEndOfFile() {
        byte[] f = SyntheticDicom.ramp12().toBytes(TransferSyntax.EXPLICIT_LE);
        int at = indexOf(f, new byte[] {0x08, 0x00, 0x60, 0x00, 'C', 'S'}); // Modality
        f[at + 6] = (byte) 0xFF;
        f[at + 7] = (byte) 0x7F;
        fails(f, "(0008,0060)", "exceeds");
        byte[] g = SyntheticDicom.ramp12().toBytes(TransferSyntax.EXPLICIT_LE);
        int px = indexOf(g, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W'});
        g[px + 10] = (byte) 0xF0;
        g[px + 11] = (byte) 0x7F; // pixel data length ~2 GiB
        fails(g, "(7FE0,0010)", "exceeds");
    }

    @Test
    void oddVr() {
        byte[] f = SyntheticDicom.ramp12().toBytes(TransferSyntax.EXPLICIT_LE);
        int at = indexOf(f, new byte[] {0x08, 0x00, 0x60, 0x00, 'C', 'S'});
        f[at + 4] = 'z';
        f[at + 5] = 0x01;
        fails(f, "invalid VR 'z\\x01'", "(0008,0060)");
    }

    @Test
    void deepNestingIsLimited() {
        DicomWriter w = new DicomWriter();
        for (int i = 0; i < 40; i++) {
            w = new DicomWriter().sequence(0x00082112, List.of(w));
        }
        byte[] bare = concat(w.dataset(false, false), SyntheticDicom.ramp12().dataset(false, false));
        byte[] file = concat(new DicomWriter().string(Tags.MODALITY, "CS", "CR").dataset(false, false), bare);
        fails(file, "nested deeper");
    }

    @Test
    void undefinedLengthSequenceWithoutDelimiterEndsCleanly() {
        // (0008,1140) SQ, undefined length, then endless zero-length items until the file ends
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new DicomWriter().string(Tags.MODALITY, "CS", "CR").dataset(true, false));
        out.writeBytes(new byte[] {0x08, 0x00, 0x40, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1});
        for (int i = 0; i < 100_000; i++) {
            out.writeBytes(new byte[] {-2, -1, 0, -32, 0, 0, 0, 0});
        }
        fails(out.toByteArray(), "truncated");
    }

    @Test
    void deflateBombStopsAtTheCap() {
        DicomWriter meta = SyntheticDicom.ramp12();
        byte[] honest = meta.toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE);
        // preamble + DICM + (0002,0000) UL element (12 bytes) + the meta group length it holds
        int header = 144 + ((honest[140] & 0xFF) | (honest[141] & 0xFF) << 8);
        // replace the deflated body by 300 MB of zeros (above the 256 MiB cap) compressed to ~300 KB
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(honest, 0, header);
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < 300; i++) {
            d.setInput(zeros);
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(2_000_000);
        fails(bomb, "deflate bomb");
    }

    @Test
    void corruptDeflateStream() {
        byte[] f = SyntheticDicom.ramp12().toBytes(TransferSyntax.DEFLATED_EXPLICIT_LE);
        fails(Arrays.copyOf(f, f.length - 40), "deflated dataset");
    }

    @Test
    void notDicomAtAll() {
        fails("hello world, this is definitely not a DICOM file at all".getBytes(), "not a DICOM file");
        fails(new byte[0]);
    }

    @Test
    void unsupportedCompressedSyntaxIsNamed() {
        byte[] f = SyntheticDicom.ramp12().toBytes(TransferSyntax.EXPLICIT_LE);
        byte[] ts = TransferSyntax.EXPLICIT_LE.getBytes();
        int at = indexOf(f, concat(ts, new byte[] {0}));
        // the same length as "1.2.840.10008.1.2.1\0": an unknown private syntax
        byte[] other = "1.2.3.4.5.6.7.8.9.10".getBytes();
        System.arraycopy(other, 0, f, at, other.length);
        fails(f, "pixel data is native but the transfer syntax is 1.2.3.4.5.6.7.8.9.10");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
