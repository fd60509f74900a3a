package org.cxrstudio.core.pacs;

import java.util.List;

/**
 * One study found by QIDO-RS. Text fields are empty (never null) when the server did not send them.
 *
 * @param studyUid      Study Instance UID
 * @param patientId     Patient ID
 * @param patientName   Patient's Name (DICOM PN, {@code ^} separated)
 * @param studyDate     {@code YYYYMMDD} or empty
 * @param accession     Accession Number
 * @param description   Study Description
 * @param modalities    Modalities in Study
 * @param seriesCount   Number of Study Related Series, or -1 if unknown
 * @param instanceCount Number of Study Related Instances, or -1 if unknown
 */
public record StudySummary(String studyUid, String patientId, String patientName, String studyDate, String accession,
                           String description, List<String> modalities, int seriesCount, int instanceCount) {
    public StudySummary {
        modalities = List.copyOf(modalities);
    }
}
