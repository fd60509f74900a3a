package org.cxrstudio.core.inference;

import org.cxrstudio.core.io.Sha256;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files around a model: the sidecar card {@code <name>.card.json} and the SHA-256 check. */
public final class ModelFiles {
    private static final int MAX_CARD_BYTES = 1 << 20;

    private ModelFiles() { }

    /** {@code dir/model.onnx → dir/model.card.json}. */
    public static Path sidecar(Path onnx) {
        String name = onnx.getFileName().toString();
        String base = name.toLowerCase().endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return onnx.resolveSibling(base + ".card.json");
    }

    /** Hex SHA-256 of a model file, as a card's {@code sha256} holds it ({@link Sha256#ofFile}). */
    public static String sha256(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    /** Reads the sidecar card, or returns {@code null} when there is none. */
    static ModelCard readSidecar(Path onnx) throws ModelLoadException {
        Path card = sidecar(onnx);
        if (!Files.isRegularFile(card)) {
            return null;
        }
        try {
            if (Files.size(card) > MAX_CARD_BYTES) {
                throw new ModelLoadException(card + ": model card larger than 1 MiB");
            }
            return parse(Files.readString(card, StandardCharsets.UTF_8), card.toString());
        } catch (IOException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException(card + ": cannot read model card (" + e.getMessage() + ")", e);
        }
    }

    static ModelCard parse(String json, String where) throws ModelLoadException {
        try {
            ModelCard c = ModelCard.fromJson(json);
            if (c.classes().isEmpty()) {
                throw new ModelLoadException(where + ": model card lists no classes");
            }
            return c;
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new ModelLoadException(where + ": malformed model card (" + e.getMessage() + ")", e);
        }
    }

    /** Checks the file against the card's SHA-256; an empty card hash is not checked. */
    static void verifyHash(Path onnx, ModelCard card, Path cardFile) throws ModelLoadException {
        if (card.sha256().isBlank()) {
            return;
        }
        String actual;
        try {
            actual = sha256(onnx);
        } catch (IOException e) {
            throw new ModelLoadException(onnx + ": cannot read model file (" + e.getMessage() + ")", e);
        }
        if (!actual.equalsIgnoreCase(card.sha256().trim())) {
            throw new ModelLoadException(onnx + ": SHA-256 " + actual + " does not match " + card.sha256()
                    + " in " + cardFile.getFileName() + " (file changed, truncated or paired with the wrong card)");
        }
    }

    /**
     * Stores {@code value} under {@code validation.<key>} of the sidecar card (atomic rewrite; the
     * ONNX file and its hash are untouched, the embedded card is not updated).
     *
     * @throws ModelLoadException when there is no sidecar card to update
     */
    public static void putValidation(Path onnx, String key, Object value) throws IOException {
        ModelCard card = requireSidecar(onnx);
        Map<String, Object> v = new LinkedHashMap<>(card.validation());
        v.put(key, value);
        writeSidecar(onnx, card.withValidation(v));
    }

    /**
     * Replaces the sidecar card's {@code postprocessing} section (atomic rewrite; like
     * {@link #putValidation}, the ONNX file and so its SHA-256 are untouched).
     *
     * @throws ModelLoadException when there is no sidecar card, or the values are invalid (naming the card)
     */
    public static void putPostprocessing(Path onnx, Map<String, Object> postprocessing) throws IOException {
        ModelCard card = requireSidecar(onnx);
        ModelCard updated;
        try {
            updated = card.withPostprocessing(postprocessing);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(sidecar(onnx) + ": " + e.getMessage(), e);
        }
        writeSidecar(onnx, updated);
    }

    /**
     * Stores the score calibration in the sidecar card (atomic rewrite; the ONNX file and its
     * SHA-256 are untouched).
     *
     * @throws ModelLoadException when there is no sidecar card
     */
    public static void putCalibration(Path onnx, ScoreCalibration calibration) throws IOException {
        writeSidecar(onnx, requireSidecar(onnx).withCalibration(calibration));
    }

    private static ModelCard requireSidecar(Path onnx) throws ModelLoadException {
        ModelCard card = readSidecar(onnx);
        if (card == null) {
            throw new ModelLoadException(onnx + ": no sidecar " + sidecar(onnx).getFileName() + " to store results in");
        }
        return card;
    }

    private static void writeSidecar(Path onnx, ModelCard card) throws IOException {
        Path target = sidecar(onnx);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, card.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
