package org.cxrstudio.core.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cxrstudio.core.imaging.Radiograph;

/**
 * What the DICOM header says: Modality, SOP Class, View Position / View Code Sequence, Patient Orientation,
 * Body Part Examined, and the words of the Series Description and Protocol Name (view and body
 * part) and Study Description (body part). A header can only refuse; an acceptable or silent
 * header (PNG/JPEG, secondary capture) leaves the decision to the pixels. Stateless and
 * thread-safe.
 */
final class HeaderRules {
    /** Projection radiography: computed, digital, (vendor) digital radiography, retired RG. */
    static final Set<String> RADIOGRAPHY = Set.of("CR", "DX", "DR", "RG");
    /** No modality information worth trusting: judged by content (other, secondary capture). */
    static final Set<String> JUDGED_BY_CONTENT = Set.of("", "OT", "SC");
    private static final Map<String, String> MODALITY_NAMES = Map.ofEntries(
            Map.entry("CT", "computed tomography"), Map.entry("MR", "magnetic resonance"),
            Map.entry("US", "ultrasound"), Map.entry("NM", "nuclear medicine"), Map.entry("PT", "PET"),
            Map.entry("MG", "mammography"), Map.entry("XA", "X-ray angiography"), Map.entry("RF", "fluoroscopy"),
            Map.entry("DF", "fluoroscopy"), Map.entry("IO", "intra-oral dental X-ray"),
            Map.entry("PX", "panoramic dental X-ray"), Map.entry("XC", "camera photograph"),
            Map.entry("ES", "endoscopy"), Map.entry("OP", "ophthalmic photograph"), Map.entry("SM", "microscopy"),
            Map.entry("BMD", "bone densitometry"), Map.entry("OCT", "optical coherence tomography"),
            Map.entry("ECG", "ECG"), Map.entry("SR", "structured report"), Map.entry("RTIMAGE", "radiotherapy image"),
            Map.entry("GM", "general microscopy"), Map.entry("DG", "diaphanography"), Map.entry("TG", "thermography"));
    /** Storage SOP classes (PS3.4 B.5) of images that are not projection radiographs, by UID root. */
    private static final Map<String, String> OTHER_SOP_CLASSES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2", "a mammogram"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.3", "an intra-oral dental X-ray"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "a CT image"), Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "an ultrasound image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", "an MR image"), Map.entry("1.2.840.10008.5.1.4.1.1.6", "an ultrasound image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12", "an X-ray angiography or fluoroscopy image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.13", "a breast tomosynthesis image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.20", "a nuclear medicine image"),
            Map.entry("1.2.840.10008.5.1.4.1.1.77", "a visible-light photograph (endoscopy, microscopy, camera, ophthalmic)"),
            Map.entry("1.2.840.10008.5.1.4.1.1.128", "a PET image"), Map.entry("1.2.840.10008.5.1.4.1.1.130", "a PET image"));
    /** View Position defined terms (and vendor spellings) that are not frontal projections. */
    private static final Pattern LATERAL = Pattern.compile("(LL|RL|LAT|LATERAL|XTABLE|.*\\bLAT(ERAL)?\\b.*)");
    private static final Pattern DECUBITUS = Pattern.compile("(LLD|RLD|.*\\bDECUBITUS\\b.*)");
    private static final Pattern OBLIQUE = Pattern.compile("(LLO|RLO|LAO|RAO|LPO|RPO|OBL|.*\\bOBLIQUE\\b.*)");
    private static final Pattern OTHER_PART = Pattern.compile(".*\\b(ABDOMEN|ABD|ANKLE|ARM|BREAST|CLAVICLE|COCCYX|CSPINE|"
            + "TSPINE|LSPINE|SPINE|ELBOW|EXTREMITY|FINGER|FOOT|FOREARM|HAND|HEAD|HIP|JAW|KNEE|LEG|PELVIS|SHOULDER|SKULL|"
            + "SACRUM|TOE|WRIST|FEMUR|TIBIA|FIBULA|HUMERUS|NECK|SINUS|FACE|ORBIT|MANDIBLE|NOSE|TEETH|TOOTH|DENTAL|"
            + "BRAIN|WHOLE ?BODY|WHOLEBODY|KIDNEY|BLADDER|LIVER|COLON|STOMACH|SCAPULA|STERNUM|HEEL|THUMB|CALCANEUS|"
            + "LOWER LIMB|UPPER LIMB|LIMB)S?\\b.*");
    /** Words of a free-text description that name the chest (a description naming it is not refused). */
    private static final Pattern CHEST = Pattern.compile(".*\\b(CHEST|THORAX|LUNGS?|CXR|TORAX|POITRINE|PULMONARY)\\b.*");
    /** Words of a free-text description that name a frontal projection. */
    private static final Pattern FRONTAL = Pattern.compile(".*\\b(PA|AP|P A|A P|FRONTAL|FRONT|POSTEROANTERIOR|"
            + "ANTEROPOSTERIOR|PA AP|AP PA)\\b.*");
    /** Series-level descriptions that may name the view; the study's may name both views of a study. */
    private static final String[] VIEW_DESCRIPTIONS = {"SeriesDescription", "ProtocolName"};
    private static final String[] PART_DESCRIPTIONS = {"SeriesDescription", "ProtocolName", "StudyDescription"};

    private HeaderRules() { }

    /** A refusal if the header says this is not a frontal chest radiograph, else empty. */
    static Optional<GateDecision> check(Radiograph r, Map<String, Double> measures) {
        Map<String, String> m = r.metadata();
        String modality = norm(m.get("Modality"));
        if (!RADIOGRAPHY.contains(modality) && !JUDGED_BY_CONTENT.contains(modality)) {
            String name = MODALITY_NAMES.get(modality);
            String what = name == null ? "Modality " + modality : modality + " (" + name + ")";
            return refuse(RefusalReason.NOT_RADIOGRAPH_MODALITY, what + " is not a chest radiograph", measures);
        }
        Optional<String> sopClass = otherSopClass(norm(m.get("SOPClassUID")));
        if (sopClass.isPresent()) {
            return refuse(RefusalReason.NOT_RADIOGRAPH_MODALITY, "SOP Class " + m.get("SOPClassUID").trim() + " is "
                    + sopClass.get() + ", not a chest radiograph", measures);
        }
        String view = norm(r.viewPosition().isBlank() ? m.get("ViewPosition") : r.viewPosition());
        Optional<String> kind = notFrontal(view);
        if (kind.isPresent()) {
            return refuse(RefusalReason.LATERAL_VIEW, kind.get() + " view (ViewPosition " + view
                    + "): only frontal (PA/AP) chest films are scored", measures);
        }
        String viewCode = norm(m.get("ViewCodeMeaning"));
        kind = notFrontal(viewCode);
        if (kind.isPresent()) {
            return refuse(RefusalReason.LATERAL_VIEW, kind.get() + " view (View Code \"" + m.get("ViewCodeMeaning").trim()
                    + "\"): only frontal (PA/AP) chest films are scored", measures);
        }
        Optional<String> across = acrossTheBody(norm(m.get("PatientOrientation")));
        if (across.isPresent()) {
            return refuse(RefusalReason.LATERAL_VIEW, across.get() + " view (Patient Orientation "
                    + m.get("PatientOrientation").trim() + ": the rows run front to back): only frontal (PA/AP) "
                    + "chest films are scored", measures);
        }
        String part = norm(m.get("BodyPartExamined"));
        if (!part.isEmpty() && OTHER_PART.matcher(part.replace('_', ' ')).matches()) {
            return refuse(RefusalReason.OTHER_BODY_PART, "Body part examined is " + part + ", not CHEST", measures);
        }
        return descriptions(m, measures);
    }

    /**
     * Free text as the modality wrote it: a series described as a lateral (and not also as a
     * frontal view), or a study or series naming another body part and not the chest.
     */
    private static Optional<GateDecision> descriptions(Map<String, String> m, Map<String, Double> measures) {
        for (String key : VIEW_DESCRIPTIONS) {
            String words = words(m.get(key));
            Optional<String> kind = notFrontal(words);
            if (kind.isPresent() && !FRONTAL.matcher(words).matches()) {
                return refuse(RefusalReason.LATERAL_VIEW, kind.get() + " view (" + spaced(key) + " \""
                        + m.get(key).trim() + "\"): only frontal (PA/AP) chest films are scored", measures);
            }
        }
        boolean chest = false;
        String other = null;
        for (String key : PART_DESCRIPTIONS) {
            String words = words(m.get(key));
            chest |= CHEST.matcher(words).matches();
            other = other == null && OTHER_PART.matcher(words).matches() ? key : other;
        }
        if (other != null && !chest) {
            return refuse(RefusalReason.OTHER_BODY_PART, spaced(other) + " \"" + m.get(other).trim()
                    + "\" names another body part, not the chest", measures);
        }
        return Optional.empty();
    }

    /**
     * "Lateral" or "Oblique" when Patient Orientation says the rows run anterior/posterior (a
     * frontal film's rows run to the patient's left or right, e.g. {@code L\F}), else empty.
     */
    static Optional<String> acrossTheBody(String orientation) {
        String rows = orientation.split("\\\\", -1)[0].trim();
        if (rows.isEmpty() || !rows.matches("[LRAPHF]+")) {
            return Optional.empty();
        }
        boolean frontBack = rows.indexOf('A') >= 0 || rows.indexOf('P') >= 0;
        boolean sideways = rows.indexOf('L') >= 0 || rows.indexOf('R') >= 0;
        return !frontBack ? Optional.empty() : Optional.of(sideways ? "Oblique" : "Lateral");
    }

    /** What the SOP class is when it is a storage class of another kind of image, else empty. */
    static Optional<String> otherSopClass(String uid) {
        for (String root = uid; !root.isEmpty(); root = root.contains(".") ? root.substring(0, root.lastIndexOf('.')) : "") {
            String kind = OTHER_SOP_CLASSES.get(root);
            if (kind != null) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Upper case, with separators ({@code _ - / + , . ^}) as spaces, so that word boundaries hold. */
    private static String words(String s) {
        return norm(s).replaceAll("[_\\-/+,.^()\\[\\]]", " ").replaceAll("\\s+", " ");
    }

    /** "SeriesDescription" as "Series description". */
    private static String spaced(String key) {
        String s = key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "Lateral", "Decubitus" or "Oblique" when the view term names one, else empty. */
    static Optional<String> notFrontal(String view) {
        if (view.isEmpty()) {
            return Optional.empty();
        }
        if (DECUBITUS.matcher(view).matches()) {
            return Optional.of("Decubitus");
        }
        if (OBLIQUE.matcher(view).matches()) {
            return Optional.of("Oblique");
        }
        if (LATERAL.matcher(view).matches()) {
            return Optional.of("Lateral");
        }
        return Optional.empty();
    }

    private static Optional<GateDecision> refuse(RefusalReason reason, String message, Map<String, Double> measures) {
        return Optional.of(GateDecision.refuse(reason, message, measures));
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
