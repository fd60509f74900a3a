package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The attributes every result object shares: Patient and General Study copied from the source
 * (so the archive files it in the same study), a new series, General Equipment naming this app,
 * and SOP Common with UTF-8 text. Stateless.
 */
final class ResultHeader {
    static final String MANUFACTURER = "CXR Studio";
    static final String SOFTWARE_VERSION = "0.1.0";

    private ResultHeader() { }

    static DicomWriter of(SourceImage s, String sopClass, String sopInstance, String seriesUid, int seriesNumber,
                          String modality, String seriesDescription, ZonedDateTime when) {
        String date = date(when);
        String time = time(when);
        return new DicomWriter().utf8()
                .string(Tags.SOP_CLASS_UID, "UI", sopClass)
                .string(Tags.SOP_INSTANCE_UID, "UI", sopInstance)
                .string(Tags.INSTANCE_CREATION_DATE, "DA", date)
                .string(Tags.INSTANCE_CREATION_TIME, "TM", time)
                .string(Tags.PATIENT_NAME, "PN", s.patient().name())
                .string(Tags.PATIENT_ID, "LO", s.patient().id())
                .string(Tags.PATIENT_BIRTH_DATE, "DA", s.patient().birthDate())
                .string(Tags.PATIENT_SEX, "CS", s.patient().sex())
                .string(Tags.STUDY_INSTANCE_UID, "UI", s.study().uid())
                .string(Tags.STUDY_DATE, "DA", s.study().date())
                .string(Tags.STUDY_TIME, "TM", s.study().time())
                .string(Tags.REFERRING_PHYSICIAN_NAME, "PN", s.study().referringPhysician())
                .string(Tags.STUDY_ID, "SH", s.study().id())
                .string(Tags.ACCESSION_NUMBER, "SH", s.study().accession())
                .string(Tags.MODALITY, "CS", modality)
                .string(Tags.SERIES_INSTANCE_UID, "UI", seriesUid)
                .string(Tags.SERIES_NUMBER, "IS", Integer.toString(seriesNumber))
                .string(Tags.SERIES_DATE, "DA", date)
                .string(Tags.SERIES_TIME, "TM", time)
                .string(Tags.SERIES_DESCRIPTION, "LO", seriesDescription)
                .string(Tags.INSTANCE_NUMBER, "IS", "1")
                .string(Tags.CONTENT_DATE, "DA", date)
                .string(Tags.CONTENT_TIME, "TM", time)
                .string(Tags.MANUFACTURER, "LO", MANUFACTURER)
                .string(Tags.MANUFACTURER_MODEL_NAME, "LO", MANUFACTURER)
                .string(Tags.SOFTWARE_VERSIONS, "LO", SOFTWARE_VERSION);
    }

    /** A reference to the source image: Referenced SOP Class and Instance. */
    static DicomWriter reference(SourceImage s) {
        return new DicomWriter().string(Tags.REFERENCED_SOP_CLASS, "UI", s.sopClassUid())
                .string(Tags.REFERENCED_SOP_INSTANCE, "UI", s.sopInstanceUid());
    }

    /** Hierarchical reference to the source: study, series, instance (for evidence sequences). */
    static DicomWriter evidence(SourceImage s) {
        DicomWriter series = new DicomWriter().string(Tags.SERIES_INSTANCE_UID, "UI", s.seriesUid())
                .sequence(Tags.REFERENCED_SOP_SEQUENCE, List.of(reference(s)));
        return new DicomWriter().string(Tags.STUDY_INSTANCE_UID, "UI", s.study().uid())
                .sequence(0x00081115, List.of(series));
    }

    static String date(ZonedDateTime t) {
        return t.format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8);
    }

    static String time(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("HHmmss"));
    }
}
