package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;

import java.util.List;
import java.util.Locale;

/**
 * Builds SR content items (PS3.3 C.17.3) as {@link DicomWriter} items: a coded concept name, a
 * relationship and a typed value. Coordinates for {@link #scoord} are image pixels of the
 * referenced image, {@code (0,0)} at the top left corner of the top left pixel. Stateless.
 */
final class SrItems {
    static final int CODE_VALUE = 0x00080100;
    static final int CODING_SCHEME = 0x00080102;
    static final int CODE_MEANING = 0x00080104;
    static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    static final int REFERENCED_SOP_CLASS = 0x00081150;
    static final int REFERENCED_SOP_INSTANCE = 0x00081155;
    static final int RELATIONSHIP_TYPE = 0x0040A010;
    static final int VALUE_TYPE = 0x0040A040;
    static final int CONCEPT_NAME = 0x0040A043;
    static final int CONTINUITY = 0x0040A050;
    static final int UID = 0x0040A124;
    static final int TEXT_VALUE = 0x0040A160;
    static final int CONCEPT_CODE = 0x0040A168;
    static final int MEASURED_VALUE = 0x0040A300;
    static final int NUMERIC_VALUE = 0x0040A30A;
    static final int UNITS = 0x004008EA;
    static final int CONTENT_SEQUENCE = 0x0040A730;
    static final int GRAPHIC_DATA = 0x00700022;
    static final int GRAPHIC_TYPE = 0x00700023;

    /** A coded concept. */
    record Code(String value, String scheme, String meaning) {
        Code {
            if (value.length() > 16 || scheme.length() > 16 || meaning.length() > 64) {
                throw new IllegalArgumentException("code too long for SH/LO: " + value + " " + meaning);
            }
        }

        DicomWriter item() {
            return new DicomWriter().string(CODE_VALUE, "SH", value).string(CODING_SCHEME, "SH", scheme)
                    .string(CODE_MEANING, "LO", meaning);
        }
    }

    private SrItems() { }

    static DicomWriter container(String rel, Code concept, List<DicomWriter> children) {
        return base(rel, "CONTAINER", concept).string(CONTINUITY, "CS", "SEPARATE").sequence(CONTENT_SEQUENCE, children);
    }

    static DicomWriter text(String rel, Code concept, String text) {
        return base(rel, "TEXT", concept).string(TEXT_VALUE, "UT", text);
    }

    static DicomWriter code(String rel, Code concept, Code value) {
        return base(rel, "CODE", concept).sequence(CONCEPT_CODE, List.of(value.item()));
    }

    static DicomWriter code(String rel, Code concept, Code value, List<DicomWriter> children) {
        return code(rel, concept, value).sequence(CONTENT_SEQUENCE, children);
    }

    static DicomWriter uidref(String rel, Code concept, String uid) {
        return base(rel, "UIDREF", concept).string(UID, "UI", uid);
    }

    /** A NUM item; {@code value} is written with up to 6 decimals (DS holds at most 16 characters). */
    static DicomWriter num(String rel, Code concept, double value, Code units) {
        DicomWriter measured = new DicomWriter().string(NUMERIC_VALUE, "DS", ds(value))
                .sequence(UNITS, List.of(units.item()));
        return base(rel, "NUM", concept).sequence(MEASURED_VALUE, List.of(measured));
    }

    /** A closed POLYLINE through {@code xy} (column, row pairs), selected from one image. */
    static DicomWriter scoord(String rel, Code concept, float[] xy, String sopClass, String sopInstance) {
        DicomWriter image = image("SELECTED FROM", null, sopClass, sopInstance);
        return base(rel, "SCOORD", concept).string(GRAPHIC_TYPE, "CS", "POLYLINE").floats(GRAPHIC_DATA, xy)
                .sequence(CONTENT_SEQUENCE, List.of(image));
    }

    /** An IMAGE reference; {@code concept} may be null (e.g. under SELECTED FROM). */
    static DicomWriter image(String rel, Code concept, String sopClass, String sopInstance) {
        DicomWriter ref = new DicomWriter().string(REFERENCED_SOP_CLASS, "UI", sopClass)
                .string(REFERENCED_SOP_INSTANCE, "UI", sopInstance);
        DicomWriter item = new DicomWriter().string(RELATIONSHIP_TYPE, "CS", rel).string(VALUE_TYPE, "CS", "IMAGE")
                .sequence(REFERENCED_SOP_SEQUENCE, List.of(ref));
        if (concept != null) {
            item.sequence(CONCEPT_NAME, List.of(concept.item()));
        }
        return item;
    }

    static String ds(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    private static DicomWriter base(String rel, String type, Code concept) {
        return new DicomWriter().string(RELATIONSHIP_TYPE, "CS", rel).string(VALUE_TYPE, "CS", type)
                .sequence(CONCEPT_NAME, List.of(concept.item()));
    }
}
