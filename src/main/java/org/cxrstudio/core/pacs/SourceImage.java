package org.cxrstudio.core.pacs;

import org.cxrstudio.core.imaging.Radiograph;

import java.util.Map;

import static org.cxrstudio.core.io.Strings.strippedOrEmpty;

/**
 * The identity of the film a result belongs to: what a result object must copy (patient and
 * study) and reference (series, SOP class and instance). Text fields are empty, never null,
 * when the source lacks them.
 *
 * @param studyUid       Study Instance UID (required)
 * @param seriesUid      Series Instance UID of the source
 * @param sopClassUid    SOP Class UID of the source (required)
 * @param sopInstanceUid SOP Instance UID of the source (required)
 * @param patientName    Patient's Name (PN)
 * @param patientId      Patient ID
 * @param birthDate      Patient's Birth Date, {@code YYYYMMDD}
 * @param sex            Patient's Sex ({@code M}, {@code F}, {@code O})
 * @param studyDate      Study Date
 * @param studyTime      Study Time
 * @param accession      Accession Number
 * @param studyId        Study ID
 * @param referringPhysician Referring Physician's Name
 */
public record SourceImage(String studyUid, String seriesUid, String sopClassUid, String sopInstanceUid,
                          String patientName, String patientId, String birthDate, String sex, String studyDate,
                          String studyTime, String accession, String studyId, String referringPhysician) {
    public SourceImage {
        for (String[] required : new String[][] {{"Study Instance UID", studyUid}, {"SOP Class UID", sopClassUid},
                {"SOP Instance UID", sopInstanceUid}}) {
            if (!Part10.isUid(required[1])) {
                throw new IllegalArgumentException("the source image has no valid " + required[0]
                        + " (a result object needs one): '" + required[1] + "'");
            }
        }
        seriesUid = strippedOrEmpty(seriesUid);
        patientName = strippedOrEmpty(patientName);
        patientId = strippedOrEmpty(patientId);
        birthDate = strippedOrEmpty(birthDate);
        sex = strippedOrEmpty(sex);
        studyDate = strippedOrEmpty(studyDate);
        studyTime = strippedOrEmpty(studyTime);
        accession = strippedOrEmpty(accession);
        studyId = strippedOrEmpty(studyId);
        referringPhysician = strippedOrEmpty(referringPhysician);
    }

    /**
     * From a DICOM radiograph as the project's reader returns it.
     *
     * @throws IllegalArgumentException if it is not DICOM or lacks the UIDs
     */
    public static SourceImage of(Radiograph r) {
        Map<String, String> p = r.patient();
        return new SourceImage(p.get("StudyInstanceUID"), p.get("SeriesInstanceUID"), r.metadata().get("SOPClassUID"),
                p.get("SOPInstanceUID"), p.get("PatientName"), p.get("PatientID"), p.get("PatientBirthDate"),
                p.get("PatientSex"), p.get("StudyDate"), p.get("StudyTime"), p.get("AccessionNumber"), p.get("StudyID"),
                p.get("ReferringPhysicianName"));
    }
}
