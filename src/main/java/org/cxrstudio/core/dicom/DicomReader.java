package org.cxrstudio.core.dicom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cxrstudio.core.dicom.codec.Codecs;

/**
 * Reads the first frame of a DICOM image file held in memory into a {@link DicomImage}.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * DicomImage img = DicomReader.read(Files.readAllBytes(path), path.toString());
 * }</pre>
 */
public final class DicomReader {
    private static final int[] DESCRIPTIVE = {
        Tags.MODALITY, Tags.BODY_PART_EXAMINED, Tags.VIEW_POSITION, Tags.PATIENT_ORIENTATION,
        Tags.IMAGE_TYPE, Tags.MANUFACTURER, Tags.MANUFACTURER_MODEL_NAME, Tags.SOP_CLASS_UID,
        Tags.PHOTOMETRIC_INTERPRETATION, Tags.SAMPLES_PER_PIXEL, Tags.ROWS, Tags.COLUMNS,
        Tags.BITS_ALLOCATED, Tags.BITS_STORED, Tags.HIGH_BIT, Tags.PIXEL_REPRESENTATION,
        Tags.NUMBER_OF_FRAMES, Tags.PLANAR_CONFIGURATION, Tags.PIXEL_SPACING, Tags.IMAGER_PIXEL_SPACING,
        Tags.WINDOW_CENTER, Tags.WINDOW_WIDTH, Tags.RESCALE_INTERCEPT, Tags.RESCALE_SLOPE,
        Tags.LOSSY_IMAGE_COMPRESSION, Tags.PRESENTATION_LUT_SHAPE, Tags.STUDY_DESCRIPTION, Tags.SERIES_DESCRIPTION,
        Tags.PROTOCOL_NAME, Tags.PRESENTATION_INTENT_TYPE,
    };
    private static final String[] DESCRIPTIVE_NAMES = {
        "Modality", "BodyPartExamined", "ViewPosition", "PatientOrientation", "ImageType", "Manufacturer",
        "ManufacturerModelName", "SOPClassUID", "PhotometricInterpretation", "SamplesPerPixel", "Rows", "Columns",
        "BitsAllocated", "BitsStored", "HighBit", "PixelRepresentation", "NumberOfFrames", "PlanarConfiguration",
        "PixelSpacing", "ImagerPixelSpacing", "WindowCenter", "WindowWidth", "RescaleIntercept", "RescaleSlope",
        "LossyImageCompression", "PresentationLUTShape", "StudyDescription", "SeriesDescription", "ProtocolName",
        "PresentationIntentType",
    };
    private static final int[] IDENTIFYING = {
        Tags.PATIENT_NAME, Tags.PATIENT_ID, Tags.PATIENT_BIRTH_DATE, Tags.PATIENT_SEX, Tags.PATIENT_AGE,
        Tags.STUDY_INSTANCE_UID, Tags.SERIES_INSTANCE_UID, Tags.SOP_INSTANCE_UID, Tags.STUDY_ID,
        Tags.ACCESSION_NUMBER, Tags.STUDY_DATE, Tags.STUDY_TIME, Tags.INSTITUTION_NAME, Tags.REFERRING_PHYSICIAN_NAME,
    };
    private static final String[] IDENTIFYING_NAMES = {
        "PatientName", "PatientID", "PatientBirthDate", "PatientSex", "PatientAge", "StudyInstanceUID",
        "SeriesInstanceUID", "SOPInstanceUID", "StudyID", "AccessionNumber", "StudyDate", "StudyTime",
        "InstitutionName", "ReferringPhysicianName",
    };

    private DicomReader() { }

    /**
     * Parses and decodes.
     *
     * @param data   the whole file
     * @param source file name for error messages
     * @throws DicomException if the file is malformed, exceeds a limit, or its encoding is unsupported
     */
    public static DicomImage read(byte[] data, String source) throws DicomException {
        DicomFile file = DicomParser.parse(data, source);
        DicomDataset ds = file.dataset();
        DicomElement pixelData = ds.get(Tags.PIXEL_DATA)
                .orElseThrow(() -> new DicomException(source + ": no Pixel Data (7FE0,0010): not an image"));
        PixelGeometry g = PixelGeometry.of(ds, source);
        String ts = file.transferSyntaxUid() == null ? TransferSyntax.EXPLICIT_LE : file.transferSyntaxUid();
        if (pixelData.encapsulated() == TransferSyntax.isNative(ts)) {
            throw new DicomException(source + ": pixel data is " + (pixelData.encapsulated() ? "encapsulated" : "native")
                    + " but the transfer syntax is " + Codecs.describe(ts));
        }
        boolean colour = g.samplesPerPixel() == 3;
        Colourfulness colourfulness = colour ? new Colourfulness((1 << g.bitsStored()) - 1) : null;
        int[] pixels = PixelDecoder.decode(pixelData, g, ts, source, colourfulness);
        Map<String, String> metadata = describe(ds, DESCRIPTIVE, DESCRIPTIVE_NAMES, ts);
        if (colourfulness != null) {
            colourfulness.putInto(metadata);
        }
        viewCode(ds, metadata);
        List<double[]> windows = windows(ds);
        double slope = ds.decimal(Tags.RESCALE_SLOPE).orElse(1.0);
        if (slope == 0) {
            slope = 1; // a zero slope would collapse the image; treat as absent
        }
        return new DicomImage(g.columns(), g.rows(), pixels, g.bitsAllocated(), g.bitsStored(),
                g.signed() && !colour, colour ? "MONOCHROME2" : g.photometric(), slope,
                ds.decimal(Tags.RESCALE_INTERCEPT).orElse(0.0), windows.get(0), windows.get(1),
                voiLut(ds, g.signed()), spacing(ds), ds.string(Tags.VIEW_POSITION).orElse(""), ts, g.frames(),
                metadata, describe(ds, IDENTIFYING, IDENTIFYING_NAMES, null));
    }

    /**
     * The first item of the View Code Sequence (0054,0220), as {@code ViewCodeValue} and
     * {@code ViewCodeMeaning} (e.g. {@code 399173006} / "left lateral"), when present.
     */
    private static void viewCode(DicomDataset ds, Map<String, String> metadata) {
        for (DicomDataset item : ds.sequence(Tags.VIEW_CODE_SEQUENCE)) {
            item.string(Tags.CODE_VALUE).ifPresent(v -> metadata.put("ViewCodeValue", v));
            item.string(Tags.CODE_MEANING).ifPresent(v -> metadata.put("ViewCodeMeaning", v));
            return;
        }
    }

    private static List<double[]> windows(DicomDataset ds) {
        double[] c = ds.decimals(Tags.WINDOW_CENTER);
        double[] w = ds.decimals(Tags.WINDOW_WIDTH);
        List<Double> cs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int i = 0; i < Math.min(c.length, w.length); i++) {
            if (w[i] >= 1) {
                cs.add(c[i]);
                ws.add(w[i]);
            }
        }
        return List.of(cs.stream().mapToDouble(Double::doubleValue).toArray(),
                ws.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static DicomImage.VoiLutTable voiLut(DicomDataset ds, boolean signed) {
        for (DicomDataset item : ds.sequence(Tags.VOI_LUT_SEQUENCE)) {
            DicomElement desc = item.get(Tags.LUT_DESCRIPTOR).orElse(null);
            DicomElement data = item.get(Tags.LUT_DATA).orElse(null);
            if (desc == null || data == null || desc.length() < 6) {
                continue;
            }
            int entries = desc.u16(0) == 0 ? 65536 : desc.u16(0);
            int first = desc.u16(1);
            if (signed && first >= 0x8000) {
                first -= 0x10000;
            }
            int bits = desc.u16(2);
            int[] table;
            if (data.length() >= 2 * entries) {
                table = new int[entries];
                for (int i = 0; i < entries; i++) {
                    table[i] = data.u16(i);
                }
            } else if (data.length() >= entries && bits <= 8) {
                table = new int[entries];
                for (int i = 0; i < entries; i++) {
                    table[i] = data.buffer()[data.offset() + i] & 0xFF;
                }
            } else {
                continue;
            }
            return new DicomImage.VoiLutTable(first, bits, table);
        }
        return null;
    }

    private static double[] spacing(DicomDataset ds) {
        for (int tag : new int[] {Tags.PIXEL_SPACING, Tags.IMAGER_PIXEL_SPACING}) {
            double[] s = ds.decimals(tag);
            if (s.length >= 2 && s[0] > 0 && s[1] > 0) {
                return new double[] {s[0], s[1]};
            }
        }
        return null;
    }

    private static Map<String, String> describe(DicomDataset ds, int[] tags, String[] names, String ts) {
        Map<String, String> m = new LinkedHashMap<>();
        if (ts != null) {
            m.put("TransferSyntaxUID", ts);
            m.put("TransferSyntax", Codecs.describe(ts));
        }
        for (int i = 0; i < tags.length; i++) {
            String value = value(ds, tags[i]);
            if (value != null) {
                m.put(names[i], value);
            }
        }
        return m;
    }

    private static String value(DicomDataset ds, int tag) {
        DicomElement e = ds.get(tag).orElse(null);
        if (e == null) {
            return null;
        }
        if ("US".equals(e.vr()) || "SS".equals(e.vr())) {
            return ds.uint(tag).map(String::valueOf).orElse(null);
        }
        return ds.string(tag).orElse(null);
    }
}
