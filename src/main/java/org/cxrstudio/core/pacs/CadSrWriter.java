package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.cxrstudio.core.pacs.SrItems.Code;
import org.cxrstudio.core.saliency.Box;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link CadResult} as a Comprehensive SR (1.2.840.10008.5.1.4.1.1.88.33) in the study of
 * the source film, in a series of its own. The tree (codes: DCM, SCT, UCUM, and the private
 * scheme {@value #PRIVATE} for what DICOM has no code for):
 * <pre>
 * CONTAINER (99CXR CXRTB-CAD "Chest X-ray TB CAD report")
 *   HAS OBS CONTEXT  Observer Type = Device; Device Observer UID, Name, Model Name
 *   CONTAINS TEXT    (99CXR CXRTB-NOTICE) "CAD result: a decision aid, not a diagnosis..."
 *   CONTAINS CONTAINER (DCM 111017 "CAD Processing and Findings Summary")
 *     CONTAINS TEXT Algorithm Name / Algorithm Version / Algorithm Parameters (DCM 111001/111003/111002)
 *     CONTAINS NUM  (99CXR CXRTB-SCORE) the model's output 0..1 (as before the 0-100 score existed), UCUM "1"
 *     CONTAINS NUM  (99CXR CXRTB-THRESHOLD) operating point on that output 0..1, UCUM "1"
 *     CONTAINS NUM  (99CXR CXRTB-PROB) TB probability 0..1 (calibrated when the model card has a calibration), UCUM "1"
 *     CONTAINS NUM  (99CXR CXRTB-SCORE100) TB score 0-100 (the probability x 100, as shown to the user), UCUM "1"
 *     CONTAINS NUM  (99CXR CXRTB-THR100) operating point on the TB score scale 0-100, UCUM "1"
 *     CONTAINS TEXT (99CXR CXRTB-THR-SRC) model card | site profile | user
 *     CONTAINS CODE (99CXR CXRTB-RESULT) = 99CXR CXRTB-POS | CXRTB-NEG
 *     CONTAINS TEXT (99CXR CXRTB-SHA256) model file SHA-256
 *   CONTAINS IMAGE (DCM 121112 "Source of Measurement") the source film
 *   CONTAINS CODE  (DCM 121071 "Finding") = SCT 56717001 "Tuberculosis"   one per box, with
 *     INFERRED FROM SCOORD (99CXR CXRTB-BOX) POLYLINE, a closed rectangle, SELECTED FROM IMAGE (the source film)
 *     HAS PROPERTIES NUM (99CXR CXRTB-BOX-SCORE) box score
 * </pre>
 * Stateless.
 */
public final class CadSrWriter {
    /** Comprehensive SR Storage. */
    public static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.88.33";
    /** Private coding scheme of this app's concepts. */
    public static final String PRIVATE = "99CXR";
    /** Series Description of the SR series. */
    public static final String SERIES_DESCRIPTION = "CAD result (TB) - not for diagnosis";
    static final String NOTICE = "CAD result computed by a machine-learning model: a decision aid, not a diagnosis. "
            + "It must be reviewed by a qualified reader.";

    static final Code ROOT = new Code("CXRTB-CAD", PRIVATE, "Chest X-ray TB CAD report");
    static final Code SCORE = new Code("CXRTB-SCORE", PRIVATE, "TB model output");
    static final Code THRESHOLD = new Code("CXRTB-THRESHOLD", PRIVATE, "Operating point threshold");
    static final Code PROBABILITY = new Code("CXRTB-PROB", PRIVATE, "TB probability");
    static final Code SCORE_100 = new Code("CXRTB-SCORE100", PRIVATE, "TB score (0-100)");
    static final Code THRESHOLD_100 = new Code("CXRTB-THR100", PRIVATE, "Operating point on the TB score scale");
    static final Code THRESHOLD_SOURCE = new Code("CXRTB-THR-SRC", PRIVATE, "Operating point source");
    static final Code RESULT = new Code("CXRTB-RESULT", PRIVATE, "TB CAD result");
    static final Code POSITIVE = new Code("CXRTB-POS", PRIVATE, "Positive: TB suspected");
    static final Code NEGATIVE = new Code("CXRTB-NEG", PRIVATE, "Negative: score below threshold");
    static final Code SHA256 = new Code("CXRTB-SHA256", PRIVATE, "Model file SHA-256");
    static final Code REGION_SCORE = new Code("CXRTB-BOX-SCORE", PRIVATE, "Region saliency score");
    static final Code BOX = new Code("CXRTB-BOX", PRIVATE, "Box around a salient region");
    static final Code NOTICE_CODE = new Code("CXRTB-NOTICE", PRIVATE, "CAD notice");
    static final Code NO_UNITS = new Code("1", "UCUM", "no units");


    private CadSrWriter() { }

    /**
     * The SR as a Part 10 file (explicit VR little endian).
     *
     * @param sopInstanceUid new SOP Instance UID
     * @param seriesUid      new Series Instance UID
     * @param deviceUid      UID identifying this app install as the observing device
     */
    public static byte[] write(CadResult r, String sopInstanceUid, String seriesUid, int seriesNumber, String deviceUid) {
        SourceImage s = r.source();
        DicomWriter w = ResultHeader.of(s, SOP_CLASS, sopInstanceUid, seriesUid, seriesNumber, "SR",
                SERIES_DESCRIPTION, r.made());
        w.sequence(Tags.PPS_SEQUENCE, List.of())
                .string(Tags.COMPLETION_FLAG, "CS", "COMPLETE")
                .string(Tags.VERIFICATION_FLAG, "CS", "UNVERIFIED")
                .sequence(Tags.PERFORMED_PROCEDURE_CODES, List.of())
                .sequence(Tags.EVIDENCE, List.of(ResultHeader.evidence(s)))
                .sequence(Tags.CODING_SCHEMES, List.of(new DicomWriter().string(Tags.CODING_SCHEME, "SH", PRIVATE)
                        .string(0x00080115, "ST", "CXR Studio private codes")
                        .string(0x00080116, "ST", "CXR Studio")));
        w.string(Tags.VALUE_TYPE, "CS", "CONTAINER")
                .sequence(Tags.CONCEPT_NAME, List.of(ROOT.item()))
                .string(Tags.CONTINUITY, "CS", "SEPARATE")
                .sequence(Tags.CONTENT_SEQUENCE, content(r, deviceUid));
        return w.toBytes(TransferSyntax.EXPLICIT_LE);
    }

    private static List<DicomWriter> content(CadResult r, String deviceUid) {
        SourceImage s = r.source();
        String model = (r.modelName() + " " + r.modelVersion()).strip();
        List<DicomWriter> items = new ArrayList<>();
        items.add(SrItems.code("HAS OBS CONTEXT", new Code("121005", "DCM", "Observer Type"), new Code("121007", "DCM", "Device")));
        items.add(SrItems.uidref("HAS OBS CONTEXT", new Code("121012", "DCM", "Device Observer UID"), deviceUid));
        items.add(SrItems.text("HAS OBS CONTEXT", new Code("121013", "DCM", "Device Observer Name"), ResultHeader.MANUFACTURER));
        items.add(SrItems.text("HAS OBS CONTEXT", new Code("121015", "DCM", "Device Observer Model Name"),
                model.isEmpty() ? "unknown model" : model));
        items.add(SrItems.text("CONTAINS", NOTICE_CODE, NOTICE));
        List<DicomWriter> summary = new ArrayList<>();
        summary.add(SrItems.text("CONTAINS", new Code("111001", "DCM", "Algorithm Name"), nonEmpty(r.modelName())));
        summary.add(SrItems.text("CONTAINS", new Code("111003", "DCM", "Algorithm Version"), nonEmpty(r.modelVersion())));
        summary.add(SrItems.text("CONTAINS", new Code("111002", "DCM", "Algorithm Parameters"),
                "operating threshold " + SrItems.ds(r.score().threshold()) + " on the model output (TB score "
                        + r.score().thresholdScore() + ") from " + r.thresholdSource()
                        + (r.score().calibrated() ? "; probability calibrated as in the model card" : "; uncalibrated")));
        summary.add(SrItems.num("CONTAINS", SCORE, r.score().rawProbability(), NO_UNITS));
        summary.add(SrItems.num("CONTAINS", THRESHOLD, r.score().threshold(), NO_UNITS));
        summary.add(SrItems.num("CONTAINS", PROBABILITY, r.score().probability(), NO_UNITS));
        summary.add(SrItems.num("CONTAINS", SCORE_100, r.score().score(), NO_UNITS));
        summary.add(SrItems.num("CONTAINS", THRESHOLD_100, r.score().thresholdScore(), NO_UNITS));
        summary.add(SrItems.text("CONTAINS", THRESHOLD_SOURCE, r.thresholdSource()));
        summary.add(SrItems.code("CONTAINS", RESULT, r.positive() ? POSITIVE : NEGATIVE));
        summary.add(SrItems.text("CONTAINS", SHA256, nonEmpty(r.modelSha256())));
        items.add(SrItems.container("CONTAINS", new Code("111017", "DCM", "CAD Processing and Findings Summary"), summary));
        items.add(SrItems.image("CONTAINS", new Code("121112", "DCM", "Source of Measurement"), s.sopClassUid(),
                s.sopInstanceUid()));
        for (Box b : r.boxes()) {
            float[] xy = {(float) b.x1(), (float) b.y1(), (float) b.x2(), (float) b.y1(), (float) b.x2(), (float) b.y2(),
                (float) b.x1(), (float) b.y2(), (float) b.x1(), (float) b.y1()};
            DicomWriter where = SrItems.scoord("INFERRED FROM", BOX, xy,
                    s.sopClassUid(), s.sopInstanceUid());
            DicomWriter score = SrItems.num("HAS PROPERTIES", REGION_SCORE, b.score(), NO_UNITS);
            items.add(SrItems.code("CONTAINS", new Code("121071", "DCM", "Finding"),
                    new Code("56717001", "SCT", "Tuberculosis"), List.of(where, score)));
        }
        return items;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }
}
