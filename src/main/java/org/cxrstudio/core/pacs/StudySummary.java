package org.cxrstudio.core.pacs;

import com.google.gson.annotations.SerializedName;

import java.util.List;

/**
 * One study found by QIDO-RS. Text fields are empty (never null) when the server did not send them.
 * Gson writes it under the keys its {@link SerializedName}s give ({@code pacs search --json}).
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
public record StudySummary(@SerializedName("study_uid") String studyUid,
                           @SerializedName("patient_id") String patientId,
                           @SerializedName("patient_name") String patientName,
                           @SerializedName("study_date") String studyDate,
                           String accession,
                           String description,
                           List<String> modalities,
                           @SerializedName("series") int seriesCount,
                           @SerializedName("instances") int instanceCount) {
    public StudySummary {
        modalities = List.copyOf(modalities);
    }
}
