package org.cxrstudio.core.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reader behaviour on files written by {@link DicomWriter}: every native syntax and pixel layout. */
class DicomSyntheticTest {

    @ParameterizedTest
    @ValueSource(strings = {TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_LE, TransferSyntax.EXPLICIT_BE,
        TransferSyntax.DEFLATED_EXPLICIT_LE})
    void roundTripsInEveryNativeSyntax(String ts) throws DicomException {
        DicomWriter w = SyntheticDicom.ramp12()
                .string(Tags.WINDOW_CENTER, "DS", "2048\\1000")
                .string(Tags.WINDOW_WIDTH, "DS", "4096\\0")
                .string(Tags.RESCALE_SLOPE, "DS", "2")
                .string(Tags.RESCALE_INTERCEPT, "DS", "-1024")
                .string(Tags.IMAGER_PIXEL_SPACING, "DS", "0.143\\0.144");
        DicomImage img = DicomReader.read(w.toBytes(ts), "ramp.dcm");
        assertThat(img.columns()).isEqualTo(64);
        assertThat(img.rows()).isEqualTo(48);
        assertThat(img.pixels()[100]).isEqualTo((100 * 37) % 4096);
        assertThat(img.transferSyntaxUid()).isEqualTo(ts);
        assertThat(img.windowCenters()).containsExactly(2048); // the W=0 pair is dropped
        assertThat(img.rescaleSlope()).isEqualTo(2);
        assertThat(img.rescaleIntercept()).isEqualTo(-1024);
        assertThat(img.pixelSpacingMm()).containsExactly(0.143, 0.144);
        assertThat(img.patient()).containsEntry("PatientID", "P123").containsEntry("PatientName", "Doe^Jane");
        assertThat(img.metadata()).doesNotContainKey("PatientID").containsEntry("BitsStored", "12");
    }

    @Test
    void bareDatasetWithoutPreambleIsAccepted() throws DicomException {
        for (boolean explicit : new boolean[] {true, false}) {
            byte[] bare = SyntheticDicom.ramp12().dataset(explicit, false);
            DicomImage img = DicomReader.read(bare, "bare.dcm");
            assertThat(img.pixels()[7]).isEqualTo(7 * 37);
        }
    }

    @Test
    void implicitDatasetUnderExplicitMetaIsTolerated() throws DicomException {
        byte[] explicit = SyntheticDicom.ramp12().toBytes(TransferSyntax.EXPLICIT_LE);
        int metaEnd = 144 + ((explicit[140] & 0xFF) | (explicit[141] & 0xFF) << 8);
        byte[] body = SyntheticDicom.ramp12().dataset(false, false);
        byte[] mixed = java.util.Arrays.copyOf(explicit, metaEnd + body.length);
        System.arraycopy(body, 0, mixed, metaEnd, body.length);
        assertThat(DicomReader.read(mixed, "mixed.dcm").pixels()[5]).isEqualTo(5 * 37);
    }

    @Test
    void highBitsAreMaskedAndShifted() throws DicomException {
        int[] px = {0xF123, 0x1FFF, 0x0800, 0xFFFF, 0, 0, 0, 0};
        int[] raw = new int[64];
        System.arraycopy(px, 0, raw, 0, px.length);
        DicomImage img = DicomReader.read(SyntheticDicom.gray(8, 8, 16, 12, false, "MONOCHROME2").pixels16(raw)
                .toBytes(TransferSyntax.EXPLICIT_LE), "mask.dcm");
        assertThat(img.pixels()).startsWith(0x123, 0xFFF, 0x800, 0xFFF);
        // bits stored 8 at high bit 11: value is bits 4..11
        DicomWriter shifted = SyntheticDicom.gray(8, 8, 16, 8, false, "MONOCHROME2").us(Tags.HIGH_BIT, 11).pixels16(raw);
        assertThat(DicomReader.read(shifted.toBytes(TransferSyntax.EXPLICIT_LE), "s.dcm").pixels()).startsWith(0x12, 0xFF, 0x80);
    }

    @Test
    void signedValuesAreSignExtended() throws DicomException {
        int[] raw = new int[64];
        raw[0] = -5 & 0xFFF;
        raw[1] = 2047;
        raw[2] = 0x800; // most negative 12-bit value
        raw[3] = -1000 & 0xFFFF; // 16-bit two's complement: top bits beyond bits stored also set
        DicomImage img = DicomReader.read(SyntheticDicom.gray(8, 8, 16, 12, true, "MONOCHROME2").pixels16(raw)
                .toBytes(TransferSyntax.EXPLICIT_BE), "signed.dcm");
        assertThat(img.signed()).isTrue();
        assertThat(img.pixels()).startsWith(-5, 2047, -2048, -1000);
    }

    @Test
    void eightBitAndRgbPlanarAndInterleaved() throws DicomException {
        int[] px = new int[64];
        for (int i = 0; i < 64; i++) {
            px[i] = i * 4;
        }
        DicomImage g8 = DicomReader.read(SyntheticDicom.gray(8, 8, 8, 8, false, "MONOCHROME1").pixels8(px)
                .toBytes(TransferSyntax.IMPLICIT_LE), "g8.dcm");
        assertThat(g8.pixels()).isEqualTo(px);
        assertThat(g8.photometric()).isEqualTo("MONOCHROME1");
        int[] inter = new int[64 * 3];
        int[] planar = new int[64 * 3];
        for (int i = 0; i < 64; i++) {
            inter[3 * i] = 255;
            planar[i] = 255; // pure red everywhere
        }
        for (int[] data : new int[][] {inter, planar}) {
            DicomWriter w = SyntheticDicom.gray(8, 8, 8, 8, false, "RGB").us(Tags.SAMPLES_PER_PIXEL, 3)
                    .us(Tags.PLANAR_CONFIGURATION, data == planar ? 1 : 0).pixels8(data);
            DicomImage rgb = DicomReader.read(w.toBytes(TransferSyntax.EXPLICIT_LE), "rgb.dcm");
            assertThat(rgb.pixels()).containsOnly(76);
            assertThat(rgb.photometric()).isEqualTo("MONOCHROME2");
        }
    }

    @Test
    void uncompressedYbrFull422GivesTheLumaOfEachPixel() throws DicomException {
        // 4 columns x 2 rows: each pair of a row is Y1 Y2 Cb Cr; the grey image is the Y samples
        int[] stored = {10, 20, 128, 128, 30, 40, 200, 60,
            50, 60, 128, 128, 70, 80, 128, 128};
        DicomWriter w = SyntheticDicom.gray(2, 4, 8, 8, false, "YBR_FULL_422").us(Tags.SAMPLES_PER_PIXEL, 3)
                .us(Tags.PLANAR_CONFIGURATION, 0).pixels8(stored);
        DicomImage img = DicomReader.read(w.toBytes(TransferSyntax.EXPLICIT_LE), "ybr422.dcm");
        assertThat(img.pixels()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80);
        assertThat(img.photometric()).isEqualTo("MONOCHROME2");
        assertThat(Double.parseDouble(img.metadata().get(Colourfulness.COLOURFULNESS_KEY)))
                .as("one chroma pair off the grey axis").isGreaterThan(0);
    }

    @Test
    void fullySampledDataLabelledYbrFull422IsReadAsFullySampled() throws DicomException {
        // 2x2 pixels, Y Cb Cr of each pixel (12 bytes) under a 4:2:2 label: the Y samples, not stripes
        int[] stored = {10, 128, 128, 20, 128, 128, 30, 128, 128, 40, 128, 128};
        DicomWriter w = SyntheticDicom.gray(2, 2, 8, 8, false, "YBR_FULL_422").us(Tags.SAMPLES_PER_PIXEL, 3)
                .us(Tags.PLANAR_CONFIGURATION, 0).pixels8(stored);
        assertThat(DicomReader.read(w.toBytes(TransferSyntax.EXPLICIT_LE), "mislabelled.dcm").pixels())
                .containsExactly(10, 20, 30, 40);
    }

    @Test
    void uncompressedYbrFull422WithAnOddWidthOrTooFewBytesIsRefusedClearly() {
        DicomWriter odd = SyntheticDicom.gray(2, 3, 8, 8, false, "YBR_FULL_422").us(Tags.SAMPLES_PER_PIXEL, 3)
                .us(Tags.PLANAR_CONFIGURATION, 0).pixels8(new int[12]);
        assertThatThrownBy(() -> DicomReader.read(odd.toBytes(TransferSyntax.EXPLICIT_LE), "odd.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("odd.dcm").hasMessageContaining("3 columns");
        DicomWriter shortData = SyntheticDicom.gray(2, 4, 8, 8, false, "YBR_FULL_422").us(Tags.SAMPLES_PER_PIXEL, 3)
                .us(Tags.PLANAR_CONFIGURATION, 0).pixels8(new int[10]);
        assertThatThrownBy(() -> DicomReader.read(shortData.toBytes(TransferSyntax.EXPLICIT_LE), "short.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("need 16");
    }

    @Test
    void voiLutSequenceIsRead() throws DicomException {
        DicomWriter item = new DicomWriter().us(Tags.LUT_DESCRIPTOR, 4, 10, 12).raw(Tags.LUT_DATA, "OW",
                new byte[] {0, 0, (byte) 0xFF, 3, (byte) 0xFF, 7, (byte) 0xFF, 0x0F});
        for (String ts : new String[] {TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE}) {
            DicomImage img = DicomReader.read(SyntheticDicom.ramp12().sequence(Tags.VOI_LUT_SEQUENCE, List.of(item))
                    .toBytes(ts), "lut.dcm");
            assertThat(img.voiLut()).isNotNull();
            assertThat(img.voiLut().firstMapped()).isEqualTo(10);
            assertThat(img.voiLut().bits()).isEqualTo(12);
            assertThat(img.voiLut().table()).containsExactly(0, 1023, 2047, 4095);
        }
    }

    @Test
    void nestedAndEmptySequencesAreSkipped() throws DicomException {
        List<DicomWriter> empties = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            empties.add(new DicomWriter());
        }
        DicomWriter inner = new DicomWriter().sequence(0x00081140, empties);
        DicomImage img = DicomReader.read(SyntheticDicom.ramp12().sequence(0x00082112, List.of(inner, inner))
                .toBytes(TransferSyntax.IMPLICIT_LE), "seq.dcm");
        assertThat(img.pixels()[1]).isEqualTo(37);
    }

    @Test
    void monochrome1IsReported() throws DicomException {
        int[] px = new int[64];
        DicomImage img = DicomReader.read(SyntheticDicom.gray(8, 8, 16, 12, false, "MONOCHROME1").pixels16(px)
                .toBytes(TransferSyntax.EXPLICIT_LE), "m1.dcm");
        assertThat(img.photometric()).isEqualTo("MONOCHROME1");
    }

    @Test
    void paletteColourIsRefusedClearly() {
        DicomWriter w = SyntheticDicom.gray(8, 8, 8, 8, false, "PALETTE COLOR").pixels8(new int[64]);
        assertThatThrownBy(() -> DicomReader.read(w.toBytes(TransferSyntax.EXPLICIT_LE), "pal.dcm"))
                .isInstanceOf(DicomException.class).hasMessageContaining("pal.dcm").hasMessageContaining("PALETTE");
    }
}
