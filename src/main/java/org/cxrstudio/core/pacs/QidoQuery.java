package org.cxrstudio.core.pacs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A QIDO-RS search: each field narrows the match, {@code null} or blank means "any". Names may
 * use the DICOM wildcards {@code *} and {@code ?}; dates are inclusive.
 *
 * @param patientId   Patient ID (0010,0020), exact
 * @param patientName Patient's Name (0010,0010), e.g. {@code "DOE^J*"}
 * @param from        first study date, or null
 * @param to          last study date, or null
 * @param accession   Accession Number (0008,0050)
 * @param modality    e.g. {@code "CR"}, {@code "DX"}: Modalities in Study for studies, Modality for series
 * @param limit       at most this many results, {@code 1..10000}
 */
public record QidoQuery(String patientId, String patientName, LocalDate from, LocalDate to, String accession,
                        String modality, int limit) {
    /** Matches everything (up to 100 results). */
    public static final QidoQuery ALL = new QidoQuery(null, null, null, null, null, null, 100);

    public QidoQuery {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be in 1..10000, got " + limit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("date range is reversed: " + from + " is after " + to);
        }
    }

    /** The query parameters for a study-level search (without {@code includefield}). */
    Map<String, String> studyParameters() {
        Map<String, String> p = common();
        put(p, "ModalitiesInStudy", modality);
        return p;
    }

    /** The query parameters for a series-level search. */
    Map<String, String> seriesParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "Modality", modality);
        p.put("limit", Integer.toString(limit));
        return p;
    }

    private Map<String, String> common() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "PatientID", patientId);
        put(p, "PatientName", patientName);
        put(p, "AccessionNumber", accession);
        if (from != null || to != null) {
            DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
            p.put("StudyDate", (from == null ? "" : from.format(f)) + "-" + (to == null ? "" : to.format(f)));
        }
        p.put("limit", Integer.toString(limit));
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value.strip());
        }
    }
}
