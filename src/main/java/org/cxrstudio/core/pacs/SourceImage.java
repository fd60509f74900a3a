package org.cxrstudio.core.pacs;

import org.cxrstudio.core.imaging.Radiograph;

import java.util.Map;
import java.util.Objects;

import static org.cxrstudio.core.io.Strings.strippedOrEmpty;

/**
 * The identity of the film a result belongs to: what a result object must copy (the patient and
 * the study) and reference (series, SOP class and instance). Text fields are empty, never null,
 * when the source lacks them.
 *
 * @param patient        the Patient module to copy
 * @param study          the General Study module to copy
 * @param seriesUid      Series Instance UID of the source
 * @param sopClassUid    SOP Class UID of the source (required)
 * @param sopInstanceUid SOP Instance UID of the source (required)
 */
public record SourceImage(Patient patient, Study study, String seriesUid, String sopClassUid, String sopInstanceUid) {
    public SourceImage {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(study, "study");
        requireUid("SOP Class UID", sopClassUid);
        requireUid("SOP Instance UID", sopInstanceUid);
        seriesUid = strippedOrEmpty(seriesUid);
    }

    /**
     * The source's patient, as a result object copies it.
     *
     * @param name      Patient's Name (PN)
     * @param id        Patient ID
     * @param birthDate Patient's Birth Date, {@code YYYYMMDD}
     * @param sex       Patient's Sex ({@code M}, {@code F}, {@code O})
     */
    public record Patient(String name, String id, String birthDate, String sex) {
        public Patient {
            name = strippedOrEmpty(name);
            id = strippedOrEmpty(id);
            birthDate = strippedOrEmpty(birthDate);
            sex = strippedOrEmpty(sex);
        }
    }

    /**
     * The source's study, as a result object copies it so that the archive files it there.
     *
     * @param uid                Study Instance UID (required)
     * @param date               Study Date
     * @param time               Study Time
     * @param accession          Accession Number
     * @param id                 Study ID
     * @param referringPhysician Referring Physician's Name
     */
    public record Study(String uid, String date, String time, String accession, String id, String referringPhysician) {
        public Study {
            requireUid("Study Instance UID", uid);
            date = strippedOrEmpty(date);
            time = strippedOrEmpty(time);
            accession = strippedOrEmpty(accession);
            id = strippedOrEmpty(id);
            referringPhysician = strippedOrEmpty(referringPhysician);
        }
    }

    /**
     * From a DICOM radiograph as the project's reader returns it.
     *
     * @throws IllegalArgumentException if it is not DICOM or lacks the UIDs
     */
    public static SourceImage of(Radiograph r) {
        Map<String, String> p = r.patient();
        Patient patient = new Patient(p.get("PatientName"), p.get("PatientID"), p.get("PatientBirthDate"),
                p.get("PatientSex"));
        Study study = new Study(p.get("StudyInstanceUID"), p.get("StudyDate"), p.get("StudyTime"),
                p.get("AccessionNumber"), p.get("StudyID"), p.get("ReferringPhysicianName"));
        return new SourceImage(patient, study, p.get("SeriesInstanceUID"), r.metadata().get("SOPClassUID"),
                p.get("SOPInstanceUID"));
    }

    private static void requireUid(String name, String uid) {
        if (!Part10.isUid(uid)) {
            throw new IllegalArgumentException("the source image has no valid " + name
                    + " (a result object needs one): '" + uid + "'");
        }
    }
}
