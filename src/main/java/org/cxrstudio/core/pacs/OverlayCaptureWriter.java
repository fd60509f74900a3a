package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;

import java.util.List;

/**
 * Writes an overlay picture as a Secondary Capture image (1.2.840.10008.5.1.4.1.1.7, RGB, 8 bits,
 * interleaved) in the study of the source film, in a series of its own: Burned In Annotation YES,
 * Image Type DERIVED\SECONDARY, and {@value OverlayRenderer#LABEL} as Series Description and Image
 * Comments, with the source film in Source Image Sequence. Stateless.
 */
public final class OverlayCaptureWriter {
    /** Secondary Capture Image Storage. */
    public static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7";

    private OverlayCaptureWriter() { }

    /** The SC as a Part 10 file (explicit VR little endian). */
    public static byte[] write(CadResult r, RgbImage picture, String sopInstanceUid, String seriesUid, int seriesNumber) {
        SourceImage s = r.source();
        DicomWriter w = ResultHeader.of(s, SOP_CLASS, sopInstanceUid, seriesUid, seriesNumber, "OT",
                OverlayRenderer.LABEL, r.made());
        w.string(Tags.IMAGE_TYPE, "CS", "DERIVED\\SECONDARY")
                .string(Tags.CONVERSION_TYPE, "CS", "WSD")
                .string(Tags.PATIENT_ORIENTATION, "CS", "")
                .string(Tags.BODY_PART_EXAMINED, "CS", "CHEST")
                .string(Tags.DERIVATION_DESCRIPTION, "ST", "TB saliency heatmap and boxes of "
                        + (r.modelName() + " " + r.modelVersion()).strip() + " burned into the film")
                .sequence(Tags.SOURCE_IMAGE_SEQUENCE, List.of(ResultHeader.reference(s)))
                .string(Tags.DATE_OF_CAPTURE, "DA", ResultHeader.date(r.made()))
                .string(Tags.TIME_OF_CAPTURE, "TM", ResultHeader.time(r.made()))
                .string(Tags.IMAGE_COMMENTS, "LT", OverlayRenderer.LABEL)
                .string(Tags.BURNED_IN_ANNOTATION, "CS", "YES")
                .string(Tags.LOSSY_IMAGE_COMPRESSION, "CS", "00")
                .us(Tags.SAMPLES_PER_PIXEL, 3)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "RGB")
                .us(Tags.PLANAR_CONFIGURATION, 0)
                .us(Tags.ROWS, picture.height())
                .us(Tags.COLUMNS, picture.width())
                .us(Tags.BITS_ALLOCATED, 8)
                .us(Tags.BITS_STORED, 8)
                .us(Tags.HIGH_BIT, 7)
                .us(Tags.PIXEL_REPRESENTATION, 0)
                .pixelBytes(picture.rgb());
        return w.toBytes(TransferSyntax.EXPLICIT_LE);
    }
}
