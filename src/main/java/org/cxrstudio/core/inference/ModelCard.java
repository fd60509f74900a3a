package org.cxrstudio.core.inference;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.io.JsonNesting;
import org.cxrstudio.core.saliency.BoxParams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * What a model is, how to feed it and how good it was: embedded in the ONNX file's
 * {@code metadata_props} under key {@value #METADATA_KEY} and written beside it as
 * {@code <model>.card.json} (the sidecar also holds the file's SHA-256).
 *
 * @param name          short name, e.g. {@code "cxr-student-s"}
 * @param version       model version, e.g. {@code "1.0"}
 * @param architecture  e.g. {@code "resnet18"}, {@code "student-s"}
 * @param role          {@code "teacher"}, {@code "student"} or {@code "ensemble"}
 * @param preprocessing input size and normalisation
 * @param classes       class names of the outputs, e.g. {@code ["tb"]}
 * @param threshold     operating threshold on the TB probability, {@code 0..1}
 * @param probabilityOutput ONNX output name of the image probability, shape {@code [N, C]}
 * @param camOutput     ONNX output name of the class activation map, shape {@code [N, C, h, w]}
 * @param training      how it was made: data, command, seed, epochs, split, time
 * @param validation    validation metrics (pooled, per source, shortcut check, baseline table)
 * @param postprocessing optional box parameters tuned for this model's CAM ({@value #BOX_THRESHOLD},
 *                      {@value #BOX_MIN_AREA}, {@value #BOX_MAX}; each missing key takes
 *                      {@link BoxParams#DEFAULT}'s value) plus free-form notes on how they were
 *                      calibrated; empty for {@link BoxParams#DEFAULT}
 * @param sha256        SHA-256 of the ONNX file (sidecar only; empty inside the ONNX)
 * @param calibration   Platt scaling of the TB probability fitted on validation images, or
 *                      {@code null} when the model has not been calibrated (then the raw
 *                      probability is shown); thresholds stay on the raw probability
 */
public record ModelCard(
        String name,
        String version,
        String architecture,
        String role,
        Preprocessing preprocessing,
        List<String> classes,
        double threshold,
        String probabilityOutput,
        String camOutput,
        Map<String, Object> training,
        Map<String, Object> validation,
        Map<String, Object> postprocessing,
        String sha256,
        ScoreCalibration calibration) {

    /** Key of the card JSON in the ONNX model's {@code metadata_props}. */
    public static final String METADATA_KEY = "cxr_studio_card";
    public static final String DEFAULT_PROBABILITY_OUTPUT = "probability";
    public static final String DEFAULT_CAM_OUTPUT = "cam";
    /** {@code postprocessing} key: {@link BoxParams#relativeThreshold()}, {@code (0, 1]}. */
    public static final String BOX_THRESHOLD = "box_relative_threshold";
    /** {@code postprocessing} key: {@link BoxParams#minAreaFraction()}, {@code [0, 1)}. */
    public static final String BOX_MIN_AREA = "box_min_area_fraction";
    /** {@code postprocessing} key: {@link BoxParams#maxBoxes()}, an integer {@code >= 1}. */
    public static final String BOX_MAX = "box_max";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    public ModelCard {
        if (preprocessing == null || classes == null || classes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("model card lacks preprocessing or classes");
        }
        classes = List.copyOf(classes);
        // read-only, keeping the order of the JSON (a card is a value; Map.copyOf would lose the order)
        training = readOnly(training);
        validation = readOnly(validation);
        postprocessing = readOnly(postprocessing);
        boxParams(postprocessing); // fail early, when the card is read
        sha256 = orEmpty(sha256);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in 0..1, got " + threshold);
        }
    }

    /** A card without {@code calibration}. */
    public ModelCard(String name, String version, String architecture, String role, Preprocessing preprocessing,
                     List<String> classes, double threshold, String probabilityOutput, String camOutput,
                     Map<String, Object> training, Map<String, Object> validation, Map<String, Object> postprocessing,
                     String sha256) {
        this(name, version, architecture, role, preprocessing, classes, threshold, probabilityOutput, camOutput,
                training, validation, postprocessing, sha256, null);
    }

    /** A card without {@code postprocessing} (boxes with {@link BoxParams#DEFAULT}) or {@code calibration}. */
    public ModelCard(String name, String version, String architecture, String role, Preprocessing preprocessing,
                     List<String> classes, double threshold, String probabilityOutput, String camOutput,
                     Map<String, Object> training, Map<String, Object> validation, String sha256) {
        this(name, version, architecture, role, preprocessing, classes, threshold, probabilityOutput, camOutput,
                training, validation, Map.of(), sha256, null);
    }

    /** The box parameters of {@code postprocessing}, {@link BoxParams#DEFAULT} where a key is missing. */
    public BoxParams boxParams() {
        return boxParams(postprocessing);
    }

    private static BoxParams boxParams(Map<String, Object> pp) {
        BoxParams d = BoxParams.DEFAULT;
        double t = number(pp, BOX_THRESHOLD, d.relativeThreshold());
        double a = number(pp, BOX_MIN_AREA, d.minAreaFraction());
        double n = number(pp, BOX_MAX, d.maxBoxes());
        if (n != Math.rint(n) || n < 1 || n > 1000) {
            throw new IllegalArgumentException("postprocessing." + BOX_MAX + " must be an integer in 1..1000, got " + pp.get(BOX_MAX));
        }
        try {
            return new BoxParams(t, a, (int) n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("postprocessing: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readOnly(Map<String, Object> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static double number(Map<String, Object> pp, String key, double fallback) {
        Object v = pp.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number num) || !Double.isFinite(num.doubleValue())) {
            throw new IllegalArgumentException("postprocessing." + key + " must be a number, got " + v);
        }
        return num.doubleValue();
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * @throws com.google.gson.JsonParseException on malformed JSON
     * @throws IllegalArgumentException on a value out of range (threshold, box parameters)
     */
    public static ModelCard fromJson(String json) {
        JsonNesting.check(json, JsonNesting.MAX_DEPTH);
        ModelCard card;
        try {
            card = GSON.fromJson(json, ModelCard.class);
        } catch (com.google.gson.JsonParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // Gson wraps what a constructor throws in a message listing all its arguments (the whole
            // card): surface the constructor's own message instead
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new com.google.gson.JsonParseException(c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName(), c);
        }
        if (card == null || card.preprocessing() == null || card.classes() == null) {
            throw new com.google.gson.JsonParseException("model card lacks preprocessing or classes");
        }
        return card;
    }

    public ModelCard withSha256(String sha) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, threshold,
                probabilityOutput, camOutput, training, validation, postprocessing, sha, calibration);
    }

    public ModelCard withThreshold(double t) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, t,
                probabilityOutput, camOutput, training, validation, postprocessing, sha256, calibration);
    }

    public ModelCard withValidation(Map<String, Object> v) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, threshold,
                probabilityOutput, camOutput, training, v, postprocessing, sha256, calibration);
    }

    /** The same card with {@code postprocessing} replaced (validated as on reading). */
    public ModelCard withPostprocessing(Map<String, Object> p) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, threshold,
                probabilityOutput, camOutput, training, validation, p, sha256, calibration);
    }

    /** The same card with {@code calibration} replaced ({@code null} removes it). */
    public ModelCard withCalibration(ScoreCalibration c) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, threshold,
                probabilityOutput, camOutput, training, validation, postprocessing, sha256, c);
    }

    /** The probability to show for a raw model probability: calibrated when the card has a calibration. */
    public double displayProbability(double rawProbability) {
        return calibration == null ? rawProbability : calibration.apply(rawProbability);
    }
}
