package org.cxrstudio.core.inference;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.cxrstudio.core.imaging.Preprocessing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param sha256        SHA-256 of the ONNX file (sidecar only; empty inside the ONNX)
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
        String sha256) {

    /** Key of the card JSON in the ONNX model's {@code metadata_props}. */
    public static final String METADATA_KEY = "cxr_studio_card";
    public static final String DEFAULT_PROBABILITY_OUTPUT = "probability";
    public static final String DEFAULT_CAM_OUTPUT = "cam";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    public ModelCard {
        classes = List.copyOf(classes);
        training = training == null ? Map.of() : new LinkedHashMap<>(training);
        validation = validation == null ? Map.of() : new LinkedHashMap<>(validation);
        sha256 = sha256 == null ? "" : sha256;
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in 0..1, got " + threshold);
        }
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** @throws com.google.gson.JsonParseException on malformed JSON */
    public static ModelCard fromJson(String json) {
        ModelCard card = GSON.fromJson(json, ModelCard.class);
        if (card == null || card.preprocessing() == null || card.classes() == null) {
            throw new com.google.gson.JsonParseException("model card lacks preprocessing or classes");
        }
        return card;
    }

    public ModelCard withSha256(String sha) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, threshold,
                probabilityOutput, camOutput, training, validation, sha);
    }

    public ModelCard withThreshold(double t) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, t,
                probabilityOutput, camOutput, training, validation, sha256);
    }

    public ModelCard withValidation(Map<String, Object> v) {
        return new ModelCard(name, version, architecture, role, preprocessing, classes, threshold,
                probabilityOutput, camOutput, training, v, sha256);
    }
}
