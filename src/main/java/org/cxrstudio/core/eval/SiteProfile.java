package org.cxrstudio.core.eval;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * A clinic's own operating point for one model file: the threshold on the model's raw TB
 * probability that reached the target sensitivity on the clinic's labelled films, with the
 * sensitivity and specificity found there (95 % Wilson intervals) and the counts. WHO guidance for
 * computer-aided detection of TB asks each site to set its threshold on local films; the model
 * file is never changed, and a profile made for another model file (different SHA-256) is refused.
 * Written by {@code calibrate-threshold}, read by {@code predict}, {@code eval} and the viewer.
 *
 * @param site              clinic name shown on screen
 * @param date              ISO date the profile was made
 * @param modelName         the model card's name, for messages
 * @param modelSha256       hex SHA-256 of the ONNX file the threshold belongs to
 * @param threshold         operating threshold on the raw model probability, {@code 0..1}
 * @param targetSensitivity the sensitivity asked for, {@code (0, 1]}
 * @param point             confusion counts at {@code threshold} on the calibration films
 * @param sensitivityCi     95 % Wilson interval of the sensitivity
 * @param specificityCi     95 % Wilson interval of the specificity
 * @param refused           films the input gate refused, excluded from the counts
 * @param data              the films used (folders, labels), free text
 */
public record SiteProfile(String site, String date, String modelName, String modelSha256, double threshold,
                          double targetSensitivity, OperatingPoint point, Wilson.Interval sensitivityCi,
                          Wilson.Interval specificityCi, int refused, String data) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final int MAX_BYTES = 1 << 20;
    // the keys read() takes back, shared with toJsonMap(); the others there are for people only
    private static final String SITE = "site";
    private static final String DATE = "date";
    private static final String MODEL_NAME = "model_name";
    private static final String MODEL_SHA256 = "model_sha256";
    private static final String THRESHOLD = "threshold";
    private static final String TARGET_SENSITIVITY = "target_sensitivity";
    private static final String SENSITIVITY_CI = "sensitivity_ci95";
    private static final String SPECIFICITY_CI = "specificity_ci95";
    private static final String COUNTS = "counts";
    private static final String TP = "tp";
    private static final String FP = "fp";
    private static final String TN = "tn";
    private static final String FN = "fn";
    private static final String REFUSED = "refused";
    private static final String DATA = "data";

    public SiteProfile {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(point, "point");
        modelName = orEmpty(modelName);
        data = orEmpty(data);
        if (modelSha256 == null || !modelSha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("model_sha256 must be 64 hex digits, got " + modelSha256);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in 0..1, got " + threshold);
        }
        if (!(targetSensitivity > 0 && targetSensitivity <= 1)) {
            throw new IllegalArgumentException("target_sensitivity must be in (0, 1], got " + targetSensitivity);
        }
    }

    /**
     * Sets the threshold on labelled scores: the highest one reaching {@code targetSensitivity}
     * ({@link Metrics#forSensitivity}), with Wilson intervals of its sensitivity and specificity.
     *
     * @param rawScores raw model probabilities of the accepted films
     * @throws OneClassException when the films are not both TB and non-TB
     */
    public static SiteProfile calibrate(String site, String date, String modelName, String modelSha256,
                                        double[] rawScores, boolean[] positive, double targetSensitivity,
                                        int refused, String data) {
        int nPos = Metrics.count(positive);
        if (nPos == 0 || nPos == positive.length) {
            throw new OneClassException("a site threshold needs TB and non-TB films, but all " + positive.length
                    + " accepted films are " + (nPos == 0 ? "non-TB" : "TB"));
        }
        OperatingPoint p = Metrics.forSensitivity(rawScores, positive, targetSensitivity);
        return new SiteProfile(site, date, modelName, modelSha256, p.threshold(), targetSensitivity, p,
                Wilson.interval95(p.tp(), p.tp() + p.fn()), Wilson.interval95(p.tn(), p.tn() + p.fp()), refused, data);
    }

    /** "Clinic X (2026-12-02)": how the viewer names the active profile. */
    public String label() {
        return site + " (" + date + ")";
    }

    /**
     * @param sha256 hex SHA-256 of the model file about to be used
     * @throws SiteProfileException when the profile was made for another model file
     */
    public void requireModel(String sha256, String modelDescription) throws SiteProfileException {
        if (sha256 == null || !modelSha256.equalsIgnoreCase(sha256.trim())) {
            throw new SiteProfileException("site profile '" + site + "' was made for model " + modelName + " (SHA-256 "
                    + modelSha256.substring(0, 12) + "…), not for " + modelDescription + " (SHA-256 "
                    + (sha256 == null || sha256.isBlank() ? "unknown" : sha256.substring(0, Math.min(12, sha256.length())) + "…")
                    + "): calibrate this model on the site's films with calibrate-threshold");
        }
    }

    /** The profile as written to disk (snake_case keys). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SITE, site);
        m.put(DATE, date);
        m.put(MODEL_NAME, modelName);
        m.put(MODEL_SHA256, modelSha256);
        m.put(THRESHOLD, threshold);
        m.put(TARGET_SENSITIVITY, targetSensitivity);
        m.put("sensitivity", point.sensitivity());
        m.put(SENSITIVITY_CI, new double[] {sensitivityCi.lower(), sensitivityCi.upper()});
        m.put("specificity", point.specificity());
        m.put(SPECIFICITY_CI, new double[] {specificityCi.lower(), specificityCi.upper()});
        m.put("interval_method", "wilson");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("n", point.tp() + point.fp() + point.tn() + point.fn());
        counts.put("n_positive", point.tp() + point.fn());
        counts.put("n_negative", point.tn() + point.fp());
        counts.put(TP, point.tp());
        counts.put(FP, point.fp());
        counts.put(TN, point.tn());
        counts.put(FN, point.fn());
        counts.put(REFUSED, refused);
        m.put(COUNTS, counts);
        m.put(DATA, data);
        return m;
    }

    /** Writes atomically (temp file + rename). */
    public void write(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(abs + ": is a folder; give a file name for the site profile");
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(toJsonMap()) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // left only when the move failed
        }
    }

    /** @throws SiteProfileException naming the file and the problem (missing, not JSON, a field missing or out of range) */
    public static SiteProfile read(Path file) throws SiteProfileException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SiteProfileException(file + ": site profile not found");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new SiteProfileException(file + ": site profile larger than 1 MiB");
            }
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("expected a JSON object");
            }
            JsonObject o = root.getAsJsonObject();
            if (!(field(o, COUNTS) instanceof JsonObject c)) {
                throw new IllegalArgumentException("'counts' must be an object");
            }
            OperatingPoint p = new OperatingPoint(num(o, THRESHOLD), count(c, TP), count(c, FP), count(c, TN), count(c, FN));
            return new SiteProfile(str(o, SITE), str(o, DATE), o.has(MODEL_NAME) ? str(o, MODEL_NAME) : "",
                    str(o, MODEL_SHA256), p.threshold(), num(o, TARGET_SENSITIVITY), p,
                    interval(o, SENSITIVITY_CI), interval(o, SPECIFICITY_CI), count(c, REFUSED),
                    o.has(DATA) ? str(o, DATA) : "");
        } catch (SiteProfileException e) {
            throw e;
        } catch (IOException e) {
            throw new SiteProfileException(file + ": cannot read site profile (" + e.getMessage() + ")", e);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new SiteProfileException(file + ": not a valid site profile (" + e.getMessage() + ")", e);
        }
    }

    private static JsonElement field(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("no '" + key + "'");
        }
        return e;
    }

    // Gson's getAsX would take ["x"] for "x", throw UnsupportedOperationException for an object and
    // wrap 1e12 round to a negative int: each field must be a JSON value of its own type
    private static String str(JsonObject o, String key) {
        JsonElement e = field(o, key);
        if (!(e instanceof JsonPrimitive p) || !p.isString()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return p.getAsString();
    }

    private static double num(JsonObject o, String key) {
        return number(field(o, key), "'" + key + "'");
    }

    private static double number(JsonElement e, String what) {
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            throw new IllegalArgumentException(what + " must be a number");
        }
        return p.getAsDouble();
    }

    private static int count(JsonObject o, String key) {
        double v = number(field(o, key), "counts." + key);
        if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new IllegalArgumentException("counts." + key + " must be a whole number >= 0, got " + v);
        }
        return (int) v;
    }

    private static Wilson.Interval interval(JsonObject o, String key) {
        JsonElement e = field(o, key);
        if (!e.isJsonArray() || e.getAsJsonArray().size() != 2) {
            throw new IllegalArgumentException("'" + key + "' must be [lower, upper]");
        }
        double lo = number(e.getAsJsonArray().get(0), "'" + key + "'[0]");
        double hi = number(e.getAsJsonArray().get(1), "'" + key + "'[1]");
        if (!(lo >= 0 && lo <= hi && hi <= 1)) {
            throw new IllegalArgumentException("'" + key + "' must be [lower, upper] with 0 <= lower <= upper <= 1, got ["
                    + lo + ", " + hi + "]");
        }
        return new Wilson.Interval(lo, hi);
    }
}
