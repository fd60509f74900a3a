package org.cxrstudio.core.screening;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inputs the input gate must refuse even by its header rules alone, for tests of every scoring path. */
public final class TestInputs {
    private TestInputs() { }

    /** A {@code size×size} 8-bit DICOM whose Modality is CT (a gray ramp, so it decodes fine). */
    public static Path ctDicom(Path file, int size) throws IOException {
        int[] px = new int[size * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % size) * 255 / Math.max(1, size - 1);
        }
        byte[] bytes = new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.2")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.98765")
                .string(Tags.MODALITY, "CS", "CT")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .us(Tags.ROWS, size)
                .us(Tags.COLUMNS, size)
                .us(Tags.BITS_ALLOCATED, 8)
                .us(Tags.BITS_STORED, 8)
                .us(Tags.HIGH_BIT, 7)
                .us(Tags.PIXEL_REPRESENTATION, 0)
                .pixels8(px)
                .toBytes("1.2.840.10008.1.2.1");
        return Files.write(file, bytes);
    }
}
