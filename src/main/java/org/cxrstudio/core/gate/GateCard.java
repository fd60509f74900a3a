package org.cxrstudio.core.gate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.cxrstudio.core.io.JsonNesting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * What a gate is and how well it was measured to work; stored as {@code gate.card.json} beside
 * {@code gate.onnx}. Immutable.
 *
 * @param version             gate version, e.g. {@code "gate-1"}; {@code "header-rules"} without content check
 * @param featureNetwork      the feature network and its source and licence
 * @param featureSha256       SHA-256 of the weights file the features were imported from
 * @param modelSha256         SHA-256 of {@code gate.onnx}, checked at load; empty without content check
 * @param inputSize           side of the square gray input of the content graph, pixels
 * @param k                   neighbours averaged in the distance
 * @param bankSize            chest films in the bank
 * @param distanceLimit       refuse above this mean cosine distance to the {@code k} nearest films
 *                            ({@code 0..2}); {@code NaN} without content check
 * @param minShortSide        refuse images whose shorter side has fewer pixels
 * @param maxAspect           refuse images whose long/short side ratio is above this
 * @param colourfulnessLimit  refuse at or above this Hasler–Süsstrunk colourfulness (8-bit scale)
 * @param colourFractionLimit refuse at or above this fraction of strongly coloured pixels
 * @param orientationMargin   refuse when a rotated, flipped or inverted version of the input is
 *                            closer to the bank by more than this (cosine distance); {@code NaN} off
 * @param cropMargin          refuse when the input is closer to the bank of film crops than to the
 *                            bank of whole films by more than this; {@code NaN} or absent: off
 * @param measured            named rates measured when the gate was built (fractions {@code 0..1})
 * @param notice              provenance and licence of what the model was derived from
 */
public record GateCard(String version, String featureNetwork, String featureSha256, String modelSha256,
                       int inputSize, int k, int bankSize, double distanceLimit, int minShortSide, double maxAspect,
                       double colourfulnessLimit, double colourFractionLimit, double orientationMargin,
                       double cropMargin, Map<String, Double> measured,
                       String notice) {
    /** Default minimum short side, pixels: below this the lung fields are a few dozen pixels. */
    public static final int MIN_SHORT_SIDE = 256;
    /** Default maximum aspect ratio: chest films are 14x17 in (1.21) or square. */
    public static final double MAX_ASPECT = 2.0;
    /** Default colourfulness limit (Hasler–Süsstrunk "slightly colourful" is 15). */
    public static final double COLOURFULNESS_LIMIT = 12.0;
    /** Default coloured-pixel fraction limit. */
    public static final double COLOUR_FRACTION_LIMIT = 0.02;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();
    private static final long MAX_BYTES = 1 << 20;

    public GateCard {
        measured = measured == null ? Map.of() : Map.copyOf(new TreeMap<>(measured));
        featureNetwork = orEmpty(featureNetwork);
        featureSha256 = orEmpty(featureSha256);
        modelSha256 = orEmpty(modelSha256);
        notice = orEmpty(notice);
    }

    /** The card of {@link InputGate#headerRulesOnly()}: header, size, shape and colour rules only. */
    public static GateCard headerRules() {
        return new GateCard("header-rules", "", "", "", 0, 0, 0, Double.NaN, MIN_SHORT_SIDE, MAX_ASPECT,
                COLOURFULNESS_LIMIT, COLOUR_FRACTION_LIMIT, Double.NaN, Double.NaN, Map.of(), "");
    }

    /** Whether this card describes a content check ({@code distanceLimit} set). */
    public boolean hasContentCheck() {
        return !Double.isNaN(distanceLimit);
    }

    /** The card file beside a gate model: {@code gate.onnx} → {@code gate.card.json}. */
    public static Path sidecarOf(Path onnx) {
        String name = onnx.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return onnx.resolveSibling(stem + ".card.json");
    }

    /** Reads a card. */
    public static GateCard read(Path file) throws GateLoadException {
        if (!Files.isRegularFile(file)) {
            throw new GateLoadException(file + ": gate card not found (it is written beside gate.onnx by build-gate)");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new GateLoadException(file + ": gate card larger than 1 MiB");
            }
            String json = Files.readString(file, StandardCharsets.UTF_8);
            JsonNesting.check(json, JsonNesting.MAX_DEPTH);
            GateCard c = GSON.fromJson(json, GateCard.class);
            if (c == null || c.version() == null || c.inputSize() < 16 || c.k() < 1 || c.bankSize() < c.k()
                    || !(c.distanceLimit() > 0) || c.minShortSide() < 1 || !(c.maxAspect() >= 1)
                    || !(c.colourfulnessLimit() > 0) || !(c.colourFractionLimit() > 0) || !(c.orientationMargin() >= 0)) {
                throw new GateLoadException(file + ": not a valid gate card (version, inputSize, k, bankSize, "
                        + "distanceLimit, minShortSide, maxAspect, colour limits or orientationMargin missing or out of range)");
            }
            return c;
        } catch (GateLoadException e) {
            throw e;
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new GateLoadException(file + ": cannot read gate card (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            // what the constructor threw (a null in 'measured'), which Gson wraps with a dump of every argument
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new GateLoadException(file + ": not a valid gate card (" + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")", e);
        }
    }

    /** Writes the card as pretty JSON. */
    public void write(Path file) throws IOException {
        Files.writeString(file, GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
    }
}
