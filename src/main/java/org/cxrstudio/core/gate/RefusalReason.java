package org.cxrstudio.core.gate;

/** STUB until branch gate lands (GATE-API.md). */
public enum RefusalReason { NOT_RADIOGRAPH_MODALITY, LATERAL_VIEW, OTHER_BODY_PART, TOO_SMALL,
    COLOUR_IMAGE, NOT_CHEST_FILM, UNREADABLE_CONTENT }
