package org.cxrstudio.core.dicom;

/** The DICOM attribute tags this project reads or writes, as {@code (group << 16) | element}. */
public final class Tags {
    public static final int FILE_META_GROUP_LENGTH = 0x00020000;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int SOP_CLASS_UID = 0x00080016;
    /** Presentation Intent Type: FOR PRESENTATION or FOR PROCESSING (raw detector data). */
    public static final int PRESENTATION_INTENT_TYPE = 0x00080068;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int MANUFACTURER = 0x00080070;
    public static final int INSTITUTION_NAME = 0x00080080;
    public static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    public static final int MANUFACTURER_MODEL_NAME = 0x00081090;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;
    public static final int PATIENT_AGE = 0x00101010;
    public static final int BODY_PART_EXAMINED = 0x00180015;
    public static final int IMAGER_PIXEL_SPACING = 0x00181164;
    public static final int VIEW_POSITION = 0x00185101;
    public static final int VIEW_CODE_SEQUENCE = 0x00540220;
    public static final int CODE_VALUE = 0x00080100;
    public static final int CODE_MEANING = 0x00080104;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int PATIENT_ORIENTATION = 0x00200020;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int PROTOCOL_NAME = 0x00181030;
    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int WINDOW_CENTER = 0x00281050;
    public static final int WINDOW_WIDTH = 0x00281051;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int LOSSY_IMAGE_COMPRESSION = 0x00282110;
    public static final int MODALITY_LUT_SEQUENCE = 0x00283000;
    public static final int LUT_DESCRIPTOR = 0x00283002;
    public static final int LUT_DATA = 0x00283006;
    public static final int VOI_LUT_SEQUENCE = 0x00283010;
    public static final int PRESENTATION_LUT_SHAPE = 0x20500020;
    public static final int PIXEL_DATA = 0x7FE00010;
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    // Written by every result object (pacs.ResultHeader).
    public static final int INSTANCE_CREATION_DATE = 0x00080012;
    public static final int INSTANCE_CREATION_TIME = 0x00080013;
    public static final int SERIES_DATE = 0x00080021;
    public static final int SERIES_TIME = 0x00080031;
    public static final int CONTENT_DATE = 0x00080023;
    public static final int CONTENT_TIME = 0x00080033;
    public static final int SOFTWARE_VERSIONS = 0x00181020;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;

    // Secondary Capture (pacs.OverlayCaptureWriter).
    public static final int CONVERSION_TYPE = 0x00080064;
    public static final int DERIVATION_DESCRIPTION = 0x00082111;
    public static final int SOURCE_IMAGE_SEQUENCE = 0x00082112;
    public static final int DATE_OF_CAPTURE = 0x00181012;
    public static final int TIME_OF_CAPTURE = 0x00181014;
    public static final int IMAGE_COMMENTS = 0x00204000;
    public static final int BURNED_IN_ANNOTATION = 0x00280301;

    // Structured Report document and content items (PS3.3 C.17; pacs.CadSrWriter, pacs.SrItems).
    public static final int CODING_SCHEMES = 0x00080110;
    public static final int CODING_SCHEME = 0x00080102;
    /** Referenced Performed Procedure Step Sequence. */
    public static final int PPS_SEQUENCE = 0x00081111;
    public static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    public static final int REFERENCED_SOP_CLASS = 0x00081150;
    public static final int REFERENCED_SOP_INSTANCE = 0x00081155;
    public static final int COMPLETION_FLAG = 0x0040A491;
    public static final int VERIFICATION_FLAG = 0x0040A493;
    public static final int PERFORMED_PROCEDURE_CODES = 0x0040A372;
    public static final int EVIDENCE = 0x0040A375;
    public static final int RELATIONSHIP_TYPE = 0x0040A010;
    public static final int VALUE_TYPE = 0x0040A040;
    public static final int CONCEPT_NAME = 0x0040A043;
    public static final int CONTINUITY = 0x0040A050;
    /** UID of an SR content item (value type UIDREF). */
    public static final int UID = 0x0040A124;
    public static final int TEXT_VALUE = 0x0040A160;
    public static final int CONCEPT_CODE = 0x0040A168;
    public static final int MEASURED_VALUE = 0x0040A300;
    public static final int NUMERIC_VALUE = 0x0040A30A;
    public static final int UNITS = 0x004008EA;
    public static final int CONTENT_SEQUENCE = 0x0040A730;
    public static final int GRAPHIC_DATA = 0x00700022;
    public static final int GRAPHIC_TYPE = 0x00700023;

    // Sequences an implicit VR reader must know to descend into (ImplicitVr).
    public static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140;
    public static final int REQUEST_ATTRIBUTES_SEQUENCE = 0x00400275;
    public static final int ICON_IMAGE_SEQUENCE = 0x00880200;

    private Tags() { }

    /** {@code (gggg,eeee)} notation. */
    public static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
