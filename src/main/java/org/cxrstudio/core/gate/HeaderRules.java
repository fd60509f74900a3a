package org.cxrstudio.core.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cxrstudio.core.imaging.Radiograph;

/**
 * What the DICOM header says: Modality, SOP Class, Presentation Intent Type, View Position / View Code Sequence, Patient Orientation,
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
    /** Modalities with a name in gate.properties ({@code modality.name.XX}). */
    private static final Set<String> NAMED_MODALITIES = Set.of("CT", "MR", "US", "NM", "PT", "MG", "XA", "RF", "DF",
            "IO", "PX", "XC", "ES", "OP", "SM", "BMD", "OCT", "ECG", "SR", "RTIMAGE", "GM", "DG", "TG");
    /** Storage SOP classes (PS3.4 B.5) of images that are not projection radiographs, by UID root. */
    private static final Map<String, String> OTHER_SOP_CLASSES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2", "mammogram"), Map.entry("1.2.840.10008.5.1.4.1.1.1.3", "intraoral"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "ct"), Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "us"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", "mr"), Map.entry("1.2.840.10008.5.1.4.1.1.6", "us"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12", "xa"), Map.entry("1.2.840.10008.5.1.4.1.1.13", "tomosynthesis"),
            Map.entry("1.2.840.10008.5.1.4.1.1.20", "nm"), Map.entry("1.2.840.10008.5.1.4.1.1.77", "vl"),
            Map.entry("1.2.840.10008.5.1.4.1.1.128", "pet"), Map.entry("1.2.840.10008.5.1.4.1.1.130", "pet"));
    /** Digital X-Ray Image Storage – For Processing (raw detector data, not meant to be looked at). */
    static final String DX_FOR_PROCESSING = "1.2.840.10008.5.1.4.1.1.1.1.1";
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
    /** Characters of a description that are read (LO and LO-like values hold 64). */
    static final int MAX_DESCRIPTION = 256;
    /** Series-level descriptions that may name the view; the study's may name both views of a study. */
    private static final String[] VIEW_DESCRIPTIONS = {"SeriesDescription", "ProtocolName"};
    private static final String[] PART_DESCRIPTIONS = {"SeriesDescription", "ProtocolName", "StudyDescription"};

    private HeaderRules() { }

    /** A refusal if the header says this is not a frontal chest radiograph, else empty. */
    static Optional<GateDecision> check(Radiograph r, Map<String, Double> measures) {
        Map<String, String> m = r.metadata();
        String modality = norm(m.get("Modality"));
        if (!RADIOGRAPHY.contains(modality) && !JUDGED_BY_CONTENT.contains(modality)) {
            return refuse(RefusalReason.NOT_RADIOGRAPH_MODALITY, NAMED_MODALITIES.contains(modality)
                    ? GateText.of("modality.named", modality, GateText.of("modality.name." + modality))
                    : GateText.of("modality.unnamed", modality), measures);
        }
        Optional<String> sopClass = otherSopClass(norm(m.get("SOPClassUID")));
        if (sopClass.isPresent()) {
            return refuse(RefusalReason.NOT_RADIOGRAPH_MODALITY, GateText.of("sopClass", shown(m.get("SOPClassUID")),
                    GateText.of("sop." + sopClass.get())), measures);
        }
        String intent = norm(m.get("PresentationIntentType"));
        if (intent.equals("FOR PROCESSING") || norm(m.get("SOPClassUID")).equals(DX_FOR_PROCESSING)) {
            return refuse(RefusalReason.UNREADABLE_CONTENT, GateText.of("forProcessing",
                    intent.isEmpty() ? "SOP Class " + shown(m.get("SOPClassUID")) : "Presentation Intent Type " + shown(intent)), measures);
        }
        String view = norm(r.viewPosition().isBlank() ? m.get("ViewPosition") : r.viewPosition());
        Optional<String> kind = notFrontal(view);
        if (kind.isPresent()) {
            return refuse(RefusalReason.LATERAL_VIEW, GateText.of("view.position", kind(kind.get()), shown(view)), measures);
        }
        String viewCode = norm(m.get("ViewCodeMeaning"));
        kind = notFrontal(viewCode);
        if (kind.isPresent()) {
            return refuse(RefusalReason.LATERAL_VIEW, GateText.of("view.code", kind(kind.get()),
                    shown(m.get("ViewCodeMeaning"))), measures);
        }
        Optional<String> across = acrossTheBody(norm(m.get("PatientOrientation")));
        if (across.isPresent()) {
            return refuse(RefusalReason.LATERAL_VIEW, GateText.of("view.orientation", kind(across.get()),
                    shown(m.get("PatientOrientation"))), measures);
        }
        String part = norm(m.get("BodyPartExamined"));
        if (!part.isEmpty() && OTHER_PART.matcher(part.replace('_', ' ')).matches()) {
            return refuse(RefusalReason.OTHER_BODY_PART, GateText.of("part.examined", shown(part)), measures);
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
                return refuse(RefusalReason.LATERAL_VIEW, GateText.of("view.description", kind(kind.get()),
                        GateText.of("field." + key), shown(m.get(key))), measures);
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
            return refuse(RefusalReason.OTHER_BODY_PART, GateText.of("part.description", GateText.of("field." + other),
                    shown(m.get(other))), measures);
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

    /** The {@code sop.*} key of gate.properties when the SOP class stores another kind of image, else empty. */
    static Optional<String> otherSopClass(String uid) {
        for (String root = uid; !root.isEmpty(); root = root.contains(".") ? root.substring(0, root.lastIndexOf('.')) : "") {
            String kind = OTHER_SOP_CLASSES.get(root);
            if (kind != null) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Upper case, with separators ({@code _ - / + , . ^}) as spaces, so that word boundaries hold;
     * the first {@value #MAX_DESCRIPTION} characters (a description is 64 at most, a broken file's may be megabytes).
     */
    private static String words(String s) {
        String n = norm(s);
        n = n.length() > MAX_DESCRIPTION ? n.substring(0, MAX_DESCRIPTION) : n;
        return n.replaceAll("[_\\-/+,.^()\\[\\]]", " ").replaceAll("\\s+", " ");
    }

    /** A header value as a message quotes it: trimmed, and cut after 64 characters. */
    private static String shown(String value) {
        String v = value.trim();
        return v.length() > 64 ? v.substring(0, 64) + "…" : v;
    }

    /** "Lateral", "Oblique" or "Decubitus" as a translatable word. */
    private static GateText kind(String kind) {
        return GateText.of("kind." + kind.toLowerCase(Locale.ROOT));
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

    private static Optional<GateDecision> refuse(RefusalReason reason, GateText text, Map<String, Double> measures) {
        return Optional.of(GateDecision.refuse(reason, text, measures));
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
