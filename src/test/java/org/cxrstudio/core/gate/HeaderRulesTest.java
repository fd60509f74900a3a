package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per header rule, through {@link InputGate#headerRulesOnly()}. */
class HeaderRulesTest {
    private final InputGate gate = InputGate.headerRulesOnly();

    private GateDecision check(Radiograph r) {
        return gate.check(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR", "DX", "DR", "OT", ""})
    void radiographyAndSilentModalitiesPassTheHeader(String modality) {
        GateDecision d = check(GateFixtures.dicom(modality, "PA", "CHEST"));
        assertThat(d.accepted()).as(d.message()).isTrue();
    }

    @Test
    void ctIsNotAChestRadiograph() {
        GateDecision d = check(GateFixtures.dicom("CT", "", "CHEST"));
        assertThat(d.reason()).contains(RefusalReason.NOT_RADIOGRAPH_MODALITY);
        assertThat(d.message()).startsWith("CT").contains("is not a chest radiograph");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR", "US", "NM", "MG", "XA", "PT", "RF", "XC", "ZZ"})
    void otherModalitiesAreRefused(String modality) {
        GateDecision d = check(GateFixtures.dicom(modality, "", ""));
        assertThat(d.reason()).contains(RefusalReason.NOT_RADIOGRAPH_MODALITY);
        assertThat(d.message()).contains(modality).contains("not a chest radiograph");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LL", "RL", "LATERAL", "LAT", "RLD", "LLD", "RAO", "LPO"})
    void lateralDecubitusAndObliqueViewsAreRefused(String view) {
        GateDecision d = check(GateFixtures.dicom("DX", view, "CHEST"));
        assertThat(d.reason()).contains(RefusalReason.LATERAL_VIEW);
        assertThat(d.message()).contains("ViewPosition " + view).contains("only frontal (PA/AP) chest films are scored");
    }

    @Test
    void lateralMessageNamesTheView() {
        assertThat(check(GateFixtures.dicom("CR", "LL", "CHEST")).message())
                .isEqualTo("Lateral view (ViewPosition LL): only frontal (PA/AP) chest films are scored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PA", "AP", "", "AP SUPINE"})
    void frontalViewsPass(String view) {
        assertThat(check(GateFixtures.dicom("CR", view, "CHEST")).accepted()).isTrue();
    }

    @Test
    void lateralViewCodeSequenceIsRefusedThroughTheReader(@TempDir Path dir) throws Exception {
        byte[] dcm = textured(new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1.1")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.99")
                .string(Tags.MODALITY, "CS", "DX")
                .string(Tags.BODY_PART_EXAMINED, "CS", "CHEST")
                .sequence(Tags.VIEW_CODE_SEQUENCE, List.of(new DicomWriter()
                        .string(Tags.CODE_VALUE, "SH", "399173006").string(Tags.CODE_MEANING, "LO", "left lateral"))));
        Path f = Files.write(dir.resolve("lat.dcm"), dcm);
        Radiograph r = RadiographReader.read(f);
        assertThat(r.metadata()).containsEntry("ViewCodeMeaning", "left lateral");
        GateDecision d = check(r);
        assertThat(d.reason()).contains(RefusalReason.LATERAL_VIEW);
        assertThat(d.message()).contains("left lateral");
    }

    @Test
    void descriptionsOrientationAndSopClassAreReadFromTheFile(@TempDir Path dir) throws Exception {
        record Header(int tag, String vr, String value, String expected) { }
        for (Header h : List.of(
                new Header(Tags.SERIES_DESCRIPTION, "LO", "CHEST LAT", "Lateral view (Series description \"CHEST LAT\")"),
                new Header(Tags.PROTOCOL_NAME, "LO", "XR HAND 2V", "Protocol name \"XR HAND 2V\" names another body part"),
                new Header(Tags.STUDY_DESCRIPTION, "LO", "KNEE", "Study description \"KNEE\" names another body part"),
                new Header(Tags.PATIENT_ORIENTATION, "CS", "A\\F", "Lateral view (Patient Orientation A\\F"))) {
            byte[] dcm = textured(new DicomWriter()
                    .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1")
                    .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.98")
                    .string(Tags.MODALITY, "CS", "CR")
                    .string(h.tag(), h.vr(), h.value()));
            GateDecision d = check(RadiographReader.read(Files.write(dir.resolve("h.dcm"), dcm)));
            assertThat(d.accepted()).as(h.value()).isFalse();
            assertThat(d.message()).startsWith(h.expected());
        }
        byte[] ct = textured(new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.2")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.97")
                .string(Tags.MODALITY, "CS", "OT"));
        assertThat(check(RadiographReader.read(Files.write(dir.resolve("ct.dcm"), ct))).message())
                .isEqualTo("SOP Class 1.2.840.10008.5.1.4.1.1.2 is a CT image, not a chest radiograph");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HAND", "EXTREMITY", "SKULL", "ABDOMEN", "KNEE", "WHOLE BODY", "PELVIS", "LSPINE"})
    void otherBodyPartsAreRefused(String part) {
        GateDecision d = check(GateFixtures.dicom("CR", "AP", part));
        assertThat(d.reason()).contains(RefusalReason.OTHER_BODY_PART);
        assertThat(d.message()).isEqualTo("Body part examined is " + part + ", not CHEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHEST", "THORAX", "LUNG", "", "  chest  ", "PORT CHEST"})
    void chestBodyPartsPass(String part) {
        assertThat(check(GateFixtures.dicom("CR", "PA", part)).accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1", "1.2.840.10008.5.1.4.1.1.4",
        "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.1.2",
        "1.2.840.10008.5.1.4.1.1.20", "1.2.840.10008.5.1.4.1.1.128", "1.2.840.10008.5.1.4.1.1.77.1.4"})
    void imagesOfOtherSopClassesAreRefusedWhateverTheModalitySays(String uid) {
        GateDecision d = check(GateFixtures.film(512, 512, "PA", Map.of("Modality", "OT", "SOPClassUID", uid)));
        assertThat(d.reason()).contains(RefusalReason.NOT_RADIOGRAPH_MODALITY);
        assertThat(d.message()).startsWith("SOP Class " + uid + " is ").endsWith(", not a chest radiograph");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1",
        "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.7.2", "", "garbage", "1.2.840.10008.5.1.4.1.1.200"})
    void radiographySecondaryCaptureAndUnknownSopClassesPass(String uid) {
        assertThat(check(GateFixtures.film(512, 512, "PA", Map.of("Modality", "CR", "SOPClassUID", uid))).accepted())
                .as(uid).isTrue();
    }

    @Test
    void rawDetectorImagesForProcessingAreRefused() {
        GateDecision bySop = check(GateFixtures.film(512, 512, "PA", Map.of("Modality", "DX",
                "SOPClassUID", HeaderRules.DX_FOR_PROCESSING)));
        assertThat(bySop.reason()).contains(RefusalReason.UNREADABLE_CONTENT);
        assertThat(bySop.message()).isEqualTo("A raw detector image (SOP Class 1.2.840.10008.5.1.4.1.1.1.1.1): "
                + "only images made for viewing are scored");
        GateDecision byIntent = check(GateFixtures.film(512, 512, "PA", Map.of("Modality", "DX",
                "SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1", "PresentationIntentType", "FOR PROCESSING ")));
        assertThat(byIntent.message()).startsWith("A raw detector image (Presentation Intent Type FOR PROCESSING)");
        assertThat(check(GateFixtures.film(512, 512, "PA", Map.of("Modality", "DX",
                "SOPClassUID", "1.2.840.10008.5.1.4.1.1.1.1", "PresentationIntentType", "FOR PRESENTATION"))).accepted())
                .isTrue();
    }

    @Test
    void presentationIntentIsReadFromTheFile(@TempDir Path dir) throws Exception {
        byte[] dcm = textured(new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1.1")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.96")
                .string(Tags.MODALITY, "CS", "DX")
                .string(Tags.PRESENTATION_INTENT_TYPE, "CS", "FOR PROCESSING"));
        GateDecision d = check(RadiographReader.read(Files.write(dir.resolve("raw.dcm"), dcm)));
        assertThat(d.reason()).contains(RefusalReason.UNREADABLE_CONTENT);
        assertThat(d.message(java.util.Locale.FRENCH)).startsWith("Image brute du détecteur");
    }

    /** The header's file: 300x300 textured 8-bit grey pixels in explicit little endian. */
    private static byte[] textured(DicomWriter header) {
        int[] px = new int[300 * 300];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 31) % 251;
        }
        return header.us(Tags.SAMPLES_PER_PIXEL, 1).string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .us(Tags.ROWS, 300).us(Tags.COLUMNS, 300).us(Tags.BITS_ALLOCATED, 8).us(Tags.BITS_STORED, 8)
                .us(Tags.HIGH_BIT, 7).us(Tags.PIXEL_REPRESENTATION, 0).pixels8(px)
                .toBytes("1.2.840.10008.1.2.1");
    }

    private static Radiograph described(Map<String, String> header) {
        return GateFixtures.film(512, 512, "", header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A\\F", "P\\F", "AF\\F", "A\\H"})
    void patientOrientationRunningFrontToBackIsALateral(String orientation) {
        GateDecision d = check(described(Map.of("Modality", "CR", "PatientOrientation", orientation)));
        assertThat(d.reason()).contains(RefusalReason.LATERAL_VIEW);
        assertThat(d.message()).startsWith("Lateral view (Patient Orientation " + orientation);
    }

    @Test
    void patientOrientationOfAFrontalFilmOrJunkPasses() {
        for (String o : List.of("L\\F", "R\\F", "L\\H", "", "\\", "XYZ", "LF")) {
            assertThat(check(described(Map.of("Modality", "DX", "PatientOrientation", o))).accepted()).as(o).isTrue();
        }
        GateDecision oblique = check(described(Map.of("PatientOrientation", "AL\\F")));
        assertThat(oblique.message()).startsWith("Oblique view");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHEST LAT", "Chest_Lateral", "LAT", "Thorax lat.", "LEFT LATERAL DECUBITUS"})
    void seriesDescribedAsALateralIsRefused(String description) {
        GateDecision d = check(described(Map.of("Modality", "CR", "SeriesDescription", description)));
        assertThat(d.reason()).contains(RefusalReason.LATERAL_VIEW);
        assertThat(d.message()).contains("(Series description \"" + description + "\")");
        assertThat(check(described(Map.of("ProtocolName", description))).reason()).contains(RefusalReason.LATERAL_VIEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHEST PA", "Chest PA/LAT", "AP PORTABLE", "BILATERAL", "TORAX PA Y LAT", "Plate 2", ""})
    void seriesDescriptionsOfFrontalOrBothViewsPass(String description) {
        assertThat(check(described(Map.of("SeriesDescription", description))).accepted()).as(description).isTrue();
    }

    @Test
    void aStudyOfTheChestDescribedAsBothViewsPasses() {
        // the study names both views; its frontal series must still be scored
        assertThat(check(described(Map.of("StudyDescription", "XR CHEST 2 VIEWS PA LAT", "SeriesDescription", "PA")))
                .accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XR HAND 3 VIEWS", "KNEE AP", "Abdomen supine", "L-SPINE", "THORACIC SPINE", "SHOULDER_RT"})
    void descriptionsNamingAnotherBodyPartAreRefused(String description) {
        GateDecision d = check(described(Map.of("Modality", "CR", "StudyDescription", description)));
        assertThat(d.reason()).as(description).contains(RefusalReason.OTHER_BODY_PART);
        assertThat(d.message()).isEqualTo("Study description \"" + description + "\" names another body part, not the chest");
        assertThat(check(described(Map.of("SeriesDescription", description))).reason()).contains(RefusalReason.OTHER_BODY_PART);
    }

    @Test
    void onlyTheStartOfAnOverlongDescriptionIsRead() {
        String padding = "X ".repeat(500_000);   // a broken file's megabyte "description"
        GateDecision hand = check(described(Map.of("SeriesDescription", "HAND " + padding)));
        assertThat(hand.reason()).contains(RefusalReason.OTHER_BODY_PART);
        assertThat(hand.message()).hasSizeLessThan(200).contains("\"HAND X X");
        assertThat(check(described(Map.of("SeriesDescription", padding + " HAND"))).accepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHEST ABDOMEN", "Chest + abd", "PORT CHEST (NG TUBE)", "Neck and chest", "RIBS"})
    void descriptionsThatAlsoNameTheChestPass(String description) {
        assertThat(check(described(Map.of("StudyDescription", description))).accepted()).as(description).isTrue();
    }

    @Test
    void tooSmallImagesAreRefusedWithTheirSize() {
        GateDecision d = check(GateFixtures.film(64, 64, "", Map.of()));
        assertThat(d.reason()).contains(RefusalReason.TOO_SMALL);
        assertThat(d.message()).isEqualTo("Image is 64x64 pixels: too small to read (minimum 256 px on the short side)");
        assertThat(check(GateFixtures.film(256, 300, "", Map.of())).accepted()).isTrue();
    }

    @Test
    void elongatedImagesAreRefused() {
        GateDecision d = check(GateFixtures.film(256, 1024, "", Map.of("Modality", "OT")));
        assertThat(d.reason()).contains(RefusalReason.NOT_CHEST_FILM);
        assertThat(d.measures()).containsEntry("aspect_ratio", 4.0);
    }

    @Test
    void blankImagesAreRefused() {
        Radiograph flat = new Radiograph(300, 300, new int[300 * 300], 8, 8, false,
                org.cxrstudio.core.imaging.Photometric.MONOCHROME2, 1, 0, List.of(), Optional.empty(),
                Optional.empty(), "", "PNG", Map.of(), Map.of());
        assertThat(check(flat).reason()).contains(RefusalReason.UNREADABLE_CONTENT);
    }

    @Test
    void disabledGateAcceptsEverything() {
        GateDecision d = InputGate.disabled().check(GateFixtures.dicom("CT", "LL", "HAND"));
        assertThat(d.accepted()).isTrue();
        assertThat(d.message()).isEqualTo("gate off");
        assertThat(d.reason()).isEmpty();
    }
}
