package org.cxrstudio.core.imaging;

/**
 * How a displayed radiograph becomes a model input tensor. Stored in every model card so
 * that training, inference and the viewer agree.
 *
 * @param inputSize square model input side in pixels, {@code 32..1024}
 * @param normalization {@code "per-image"}: z-score of the resized image (mean 0, std 1),
 *                      which removes global brightness/contrast cues of the scanner;
 *                      {@code "fixed"}: {@code (v/255 - mean)/std}
 * @param mean used by {@code "fixed"}
 * @param std  used by {@code "fixed"}, {@code > 0}
 */
public record Preprocessing(int inputSize, String normalization, double mean, double std) {
    public static final String PER_IMAGE = "per-image";
    public static final String FIXED = "fixed";

    public Preprocessing {
        if (inputSize < 32 || inputSize > 1024) {
            throw new IllegalArgumentException("input size must be 32..1024 px, got " + inputSize);
        }
        if (!PER_IMAGE.equals(normalization) && !FIXED.equals(normalization)) {
            throw new IllegalArgumentException("unknown normalization '" + normalization + "' (per-image or fixed)");
        }
        if (!(std > 0)) {
            throw new IllegalArgumentException("std must be > 0");
        }
    }

    /** Per-image z-score at the given size. */
    public static Preprocessing perImage(int inputSize) {
        return new Preprocessing(inputSize, PER_IMAGE, 0, 1);
    }
}
