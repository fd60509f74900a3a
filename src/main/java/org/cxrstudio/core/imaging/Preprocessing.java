package org.cxrstudio.core.imaging;

/**
 * How a displayed radiograph becomes a model input tensor. Stored in every model card so
 * that training, inference and the viewer agree.
 *
 * @param inputSize square model input side in pixels, {@code 32..1024}
 * @param normalization {@code "per-image"}: z-score of the resized image (mean 0, std 1),
 *                      which removes global brightness/contrast cues of the scanner;
 *                      {@code "fixed"}: {@code (v/255 - mean)/std}
 * @param mean used by {@code "fixed"}, {@code -1000..1000}
 * @param std  used by {@code "fixed"}, {@code 1e-6..1e6}
 * @param crop {@code "none"} (default; also what a card without the field means) or
 *             {@code "border"}: drop {@value #BORDER_FRACTION} of the width (height) on the left
 *             and right (top and bottom) of the rendered image before resizing, which removes
 *             burned-in text and markers, collimator edges and film borders, cues that differ
 *             per hospital rather than per disease. Heatmaps and boxes stay in original image
 *             pixels: {@link #cropRegion} says where the model input came from.
 */
public record Preprocessing(int inputSize, String normalization, double mean, double std, String crop) {
    public static final String PER_IMAGE = "per-image";
    public static final String FIXED = "fixed";
    public static final String CROP_NONE = "none";
    public static final String CROP_BORDER = "border";
    /**
     * Margin removed per side by {@code "border"}: 8 % keeps the central 84 % × 84 %. Text labels,
     * L/R markers and collimator or film edges of the shared sources sit in the outer ~5 % of a
     * side, while the lung fields of a PA film start about 10-15 % in from the lateral edges, so
     * 8 % removes the frame without cutting the lungs of a normally centred film.
     */
    public static final double BORDER_FRACTION = 0.08;

    public Preprocessing {
        if (inputSize < 32 || inputSize > 1024) {
            throw new IllegalArgumentException("input size must be 32..1024 px, got " + inputSize);
        }
        if (!PER_IMAGE.equals(normalization) && !FIXED.equals(normalization)) {
            throw new IllegalArgumentException("unknown normalization '" + normalization + "' (per-image or fixed)");
        }
        // (v/255 - mean)/std must stay a finite float: NaN, ±1e300 or a std of 1e-320 would feed the
        // network NaN or infinity, and the error would only show as a bad model output
        if (!(Math.abs(mean) <= 1000)) {
            throw new IllegalArgumentException("mean must be finite, within ±1000, got " + mean);
        }
        if (!(std >= 1e-6 && std <= 1e6)) {
            throw new IllegalArgumentException("std must be > 0 (1e-6..1e6), got " + std);
        }
        if (crop == null) {
            crop = CROP_NONE; // cards written before the field existed
        }
        if (!CROP_NONE.equals(crop) && !CROP_BORDER.equals(crop)) {
            throw new IllegalArgumentException("unknown crop '" + crop + "' (none or border)");
        }
    }

    /** Without a crop, as cards and callers before the crop step. */
    public Preprocessing(int inputSize, String normalization, double mean, double std) {
        this(inputSize, normalization, mean, std, CROP_NONE);
    }

    /** Per-image z-score at the given size, no crop. */
    public static Preprocessing perImage(int inputSize) {
        return new Preprocessing(inputSize, PER_IMAGE, 0, 1, CROP_NONE);
    }

    /** The same recipe with another crop ({@code "none"} or {@code "border"}). */
    public Preprocessing withCrop(String c) {
        return new Preprocessing(inputSize, normalization, mean, std, c);
    }

    /** Margin removed per side as a fraction of the side: 0 or {@link #BORDER_FRACTION}. */
    public double cropFraction() {
        return CROP_BORDER.equals(crop) ? BORDER_FRACTION : 0;
    }

    /** The part of a {@code width × height} image (pixels) that becomes the model input. */
    public CropRegion cropRegion(int width, int height) {
        return CropRegion.of(width, height, cropFraction());
    }
}
