package org.cxrstudio.core.dicom;

import java.util.Map;

/**
 * The few dictionary VRs the reader needs for implicit VR files: binary attributes it decodes
 * and the sequences it descends into when they have a defined length. Everything else is
 * {@code UN}, which the text accessors read as text.
 */
final class ImplicitVr {
    private static final Map<Integer, String> VR = Map.ofEntries(
            Map.entry(Tags.SAMPLES_PER_PIXEL, "US"),
            Map.entry(Tags.PLANAR_CONFIGURATION, "US"),
            Map.entry(Tags.ROWS, "US"),
            Map.entry(Tags.COLUMNS, "US"),
            Map.entry(Tags.BITS_ALLOCATED, "US"),
            Map.entry(Tags.BITS_STORED, "US"),
            Map.entry(Tags.HIGH_BIT, "US"),
            Map.entry(Tags.PIXEL_REPRESENTATION, "US"),
            Map.entry(Tags.LUT_DESCRIPTOR, "US"),
            Map.entry(Tags.LUT_DATA, "OW"),
            Map.entry(Tags.PIXEL_DATA, "OW"),
            Map.entry(Tags.VOI_LUT_SEQUENCE, "SQ"),
            Map.entry(Tags.MODALITY_LUT_SEQUENCE, "SQ"),
            Map.entry(Tags.SOURCE_IMAGE_SEQUENCE, "SQ"),
            Map.entry(Tags.REFERENCED_IMAGE_SEQUENCE, "SQ"),
            Map.entry(Tags.PPS_SEQUENCE, "SQ"),
            Map.entry(Tags.REQUEST_ATTRIBUTES_SEQUENCE, "SQ"),
            Map.entry(Tags.ICON_IMAGE_SEQUENCE, "SQ"));

    private ImplicitVr() { }

    static String of(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return "UL"; // group length
        }
        return VR.getOrDefault(tag, "UN");
    }
}
