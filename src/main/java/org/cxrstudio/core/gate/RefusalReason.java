package org.cxrstudio.core.gate;

/**
 * Why the gate refused an input. The decision's message says the specifics (which modality,
 * which view, how far from the chest-film set); {@link #summary()} is a short label for tables.
 */
public enum RefusalReason {
    /** DICOM Modality is not a projection radiograph (CT, MR, US, NM, MG, XA, ...). */
    NOT_RADIOGRAPH_MODALITY("not a radiograph modality"),
    /** A lateral, decubitus or oblique view: only frontal (PA/AP) films are scored. */
    LATERAL_VIEW("not a frontal view"),
    /** Body Part Examined names a part other than the chest. */
    OTHER_BODY_PART("other body part"),
    /** Too few pixels to read the lungs. */
    TOO_SMALL("too small"),
    /** A colour image (photograph, screenshot): radiographs are gray. */
    COLOUR_IMAGE("colour image"),
    /** The content does not look like a frontal chest film (photo, screenshot, other body part, rotated, ...). */
    NOT_CHEST_FILM("not a frontal chest film"),
    /** The pixels cannot be judged (blank image, or the content check failed). */
    UNREADABLE_CONTENT("unreadable content");

    private final String summary;

    RefusalReason(String summary) {
        this.summary = summary;
    }

    /** A short lower-case label, e.g. {@code "colour image"}. */
    public String summary() {
        return summary;
    }
}
