package org.cxrstudio.core.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM through {@link RadiographReader} and the display pipeline. */
class DicomInputTest {
    @TempDir
    Path dir;

    static DicomWriter chest(String photometric) {
        int[] px = new int[32 * 32];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 97) % 4096;
        }
        return new DicomWriter().string(Tags.MODALITY, "CS", "CR").string(Tags.PATIENT_ID, "LO", "X1")
                .us(Tags.SAMPLES_PER_PIXEL, 1).string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, 32).us(Tags.COLUMNS, 32).us(Tags.BITS_ALLOCATED, 16).us(Tags.BITS_STORED, 12)
                .us(Tags.HIGH_BIT, 11).us(Tags.PIXEL_REPRESENTATION, 0)
                .string(Tags.PIXEL_SPACING, "DS", "0.2\\0.2").string(Tags.VIEW_POSITION, "CS", "AP")
                .pixels16(px);
    }

    @Test
    void monochrome1RendersAsInverseOfItsMonochrome2Twin() throws IOException {
        Path m1 = Files.write(dir.resolve("m1"), chest("MONOCHROME1").toBytes(TransferSyntax.EXPLICIT_LE));
        Path m2 = Files.write(dir.resolve("m2.png"), chest("MONOCHROME2").toBytes(TransferSyntax.IMPLICIT_LE));
        Radiograph a = RadiographReader.read(m1);
        Radiograph b = RadiographReader.read(m2);
        assertThat(a.photometric()).isEqualTo(Photometric.MONOCHROME1);
        assertThat(a.format()).contains("Explicit VR Little Endian");
        assertThat(a.pixelSpacingMm()).hasValueSatisfying(s -> assertThat(s).containsExactly(0.2, 0.2));
        assertThat(a.viewPosition()).isEqualTo("AP");
        assertThat(a.patient()).containsEntry("PatientID", "X1");
        assertThat(a.metadata()).doesNotContainKey("PatientID");
        GrayImage ga = DisplayPipeline.render(a, null, false);
        GrayImage gb = DisplayPipeline.render(b, null, false);
        for (int i = 0; i < ga.gray().length; i++) {
            assertThat(ga.gray()[i] & 0xFF).isEqualTo(255 - (gb.gray()[i] & 0xFF));
        }
    }

    @Test
    void bareDatasetIsSniffed() throws IOException {
        Path bare = Files.write(dir.resolve("bare.bin"), chest("MONOCHROME2").dataset(false, false));
        assertThat(RadiographReader.sniff(bare)).isEqualTo(SourceFormat.DICOM_NO_PREAMBLE);
        assertThat(RadiographReader.read(bare).pixels()[3]).isEqualTo(3 * 97);
    }

    @Test
    void dicomErrorsNameTheFile() throws IOException {
        byte[] f = chest("MONOCHROME2").toBytes(TransferSyntax.EXPLICIT_LE);
        Path cut = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(f, f.length - 100));
        assertThatThrownBy(() -> RadiographReader.read(cut)).isInstanceOf(ImageReadException.class)
                .hasMessageContaining("cut.dcm").hasMessageContaining("(7FE0,0010)").hasMessageContaining("truncated");
    }
}
