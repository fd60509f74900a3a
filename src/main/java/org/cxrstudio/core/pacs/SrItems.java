package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;

import java.util.List;
import java.util.Locale;

/**
 * Builds SR content items (PS3.3 C.17.3) as {@link DicomWriter} items: a coded concept name, a
 * relationship and a typed value. Coordinates for {@link #scoord} are image pixels of the
 * referenced image, {@code (0,0)} at the top left corner of the top left pixel. Stateless.
 */
final class SrItems {

    /** A coded concept. */
    record Code(String value, String scheme, String meaning) {
        Code {
            if (value.length() > 16 || scheme.length() > 16 || meaning.length() > 64) {
                throw new IllegalArgumentException("code too long for SH/LO: " + value + " " + meaning);
            }
        }

        DicomWriter item() {
            return new DicomWriter().string(Tags.CODE_VALUE, "SH", value).string(Tags.CODING_SCHEME, "SH", scheme)
                    .string(Tags.CODE_MEANING, "LO", meaning);
        }
    }

    private SrItems() { }

    static DicomWriter container(String rel, Code concept, List<DicomWriter> children) {
        return base(rel, "CONTAINER", concept).string(Tags.CONTINUITY, "CS", "SEPARATE")
                .sequence(Tags.CONTENT_SEQUENCE, children);
    }

    static DicomWriter text(String rel, Code concept, String text) {
        return base(rel, "TEXT", concept).string(Tags.TEXT_VALUE, "UT", text);
    }

    static DicomWriter code(String rel, Code concept, Code value) {
        return base(rel, "CODE", concept).sequence(Tags.CONCEPT_CODE, List.of(value.item()));
    }

    static DicomWriter code(String rel, Code concept, Code value, List<DicomWriter> children) {
        return code(rel, concept, value).sequence(Tags.CONTENT_SEQUENCE, children);
    }

    static DicomWriter uidref(String rel, Code concept, String uid) {
        return base(rel, "UIDREF", concept).string(Tags.UID, "UI", uid);
    }

    /** A NUM item; {@code value} is written with up to 6 decimals (DS holds at most 16 characters). */
    static DicomWriter num(String rel, Code concept, double value, Code units) {
        DicomWriter measured = new DicomWriter().string(Tags.NUMERIC_VALUE, "DS", ds(value))
                .sequence(Tags.UNITS, List.of(units.item()));
        return base(rel, "NUM", concept).sequence(Tags.MEASURED_VALUE, List.of(measured));
    }

    /** A closed POLYLINE through {@code xy} (column, row pairs), selected from one image. */
    static DicomWriter scoord(String rel, Code concept, float[] xy, String sopClass, String sopInstance) {
        DicomWriter image = image("SELECTED FROM", null, sopClass, sopInstance);
        return base(rel, "SCOORD", concept).string(Tags.GRAPHIC_TYPE, "CS", "POLYLINE").floats(Tags.GRAPHIC_DATA, xy)
                .sequence(Tags.CONTENT_SEQUENCE, List.of(image));
    }

    /** An IMAGE reference; {@code concept} may be null (e.g. under SELECTED FROM). */
    static DicomWriter image(String rel, Code concept, String sopClass, String sopInstance) {
        DicomWriter ref = new DicomWriter().string(Tags.REFERENCED_SOP_CLASS, "UI", sopClass)
                .string(Tags.REFERENCED_SOP_INSTANCE, "UI", sopInstance);
        DicomWriter item = new DicomWriter().string(Tags.RELATIONSHIP_TYPE, "CS", rel)
                .string(Tags.VALUE_TYPE, "CS", "IMAGE").sequence(Tags.REFERENCED_SOP_SEQUENCE, List.of(ref));
        if (concept != null) {
            item.sequence(Tags.CONCEPT_NAME, List.of(concept.item()));
        }
        return item;
    }

    static String ds(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.length() > 16 ? s.substring(0, 16) : s;
    }

    private static DicomWriter base(String rel, String type, Code concept) {
        return new DicomWriter().string(Tags.RELATIONSHIP_TYPE, "CS", rel).string(Tags.VALUE_TYPE, "CS", type)
                .sequence(Tags.CONCEPT_NAME, List.of(concept.item()));
    }
}
