package org.cxrstudio.core.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cxrstudio.core.imaging.Radiograph;

/**
 * What the DICOM header says: Modality, View Position / View Code Sequence, Body Part
 * Examined. A header can only refuse; an acceptable or silent header (PNG/JPEG, secondary
 * capture) leaves the decision to the pixels. Stateless and thread-safe.
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
    /** View Position defined terms (and vendor spellings) that are not frontal projections. */
    private static final Pattern LATERAL = Pattern.compile("(LL|RL|LAT|LATERAL|XTABLE|.*\\bLAT(ERAL)?\\b.*)");
    private static final Pattern DECUBITUS = Pattern.compile("(LLD|RLD|.*\\bDECUBITUS\\b.*)");
    private static final Pattern OBLIQUE = Pattern.compile("(LLO|RLO|LAO|RAO|LPO|RPO|OBL|.*\\bOBLIQUE\\b.*)");
    private static final Pattern OTHER_PART = Pattern.compile(".*\\b(ABDOMEN|ABD|ANKLE|ARM|BREAST|CLAVICLE|COCCYX|CSPINE|"
            + "TSPINE|LSPINE|SPINE|ELBOW|EXTREMITY|FINGER|FOOT|FOREARM|HAND|HEAD|HIP|JAW|KNEE|LEG|PELVIS|SHOULDER|SKULL|"
            + "SACRUM|TOE|WRIST|FEMUR|TIBIA|FIBULA|HUMERUS|NECK|SINUS|FACE|ORBIT|MANDIBLE|NOSE|TEETH|TOOTH|DENTAL|"
            + "BRAIN|WHOLE ?BODY|WHOLEBODY|KIDNEY|BLADDER|LIVER|COLON|STOMACH|SCAPULA|STERNUM|HEEL|THUMB|CALCANEUS|"
            + "LOWER LIMB|UPPER LIMB|LIMB)S?\\b.*");

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
        String part = norm(m.get("BodyPartExamined"));
        if (!part.isEmpty() && OTHER_PART.matcher(part.replace('_', ' ')).matches()) {
            return refuse(RefusalReason.OTHER_BODY_PART, "Body part examined is " + part + ", not CHEST", measures);
        }
        return Optional.empty();
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
