package org.cxrstudio.core.dicom;

/** Builders of small synthetic DICOM images for tests. */
final class SyntheticDicom {
    private SyntheticDicom() { }

    /** A gray image header without pixel data. */
    static DicomWriter gray(int rows, int cols, int bitsAllocated, int bitsStored, boolean signed, String photometric) {
        return new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.1234")
                .string(Tags.MODALITY, "CS", "CR")
                .string(Tags.PATIENT_ID, "LO", "P123")
                .string(Tags.PATIENT_NAME, "PN", "Doe^Jane")
                .string(Tags.VIEW_POSITION, "CS", "PA")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, rows)
                .us(Tags.COLUMNS, cols)
                .us(Tags.BITS_ALLOCATED, bitsAllocated)
                .us(Tags.BITS_STORED, bitsStored)
                .us(Tags.HIGH_BIT, bitsStored - 1)
                .us(Tags.PIXEL_REPRESENTATION, signed ? 1 : 0);
    }

    /** A 12-bit ramp image with pixel data, 64×48. */
    static DicomWriter ramp12() {
        int[] px = new int[64 * 48];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37) % 4096;
        }
        return gray(48, 64, 16, 12, false, "MONOCHROME2").pixels16(px);
    }
}
