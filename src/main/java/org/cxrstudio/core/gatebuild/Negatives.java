package org.cxrstudio.core.gatebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ModelInput;

/**
 * Synthetic wrong inputs for measuring the gate (never for setting its limit): films made
 * unfit for scoring (rotated, upside down, inverted, heavily cropped) and patterns (noise,
 * blobs, gradients, checkerboards, pseudo-text). Colour inputs are made by {@link GateBuilder}
 * through real RGB PNG files. Deterministic for a given seed. Pure functions.
 */
final class Negatives {
    /** Kinds made from a film. */
    static final List<String> FILM_KINDS = List.of("rotated_90", "rotated_180", "rotated_270", "upside_down",
            "inverted", "crop_centre_40pct", "crop_corner_45pct", "crop_offcentre_38pct", "crop_lower_60pct");
    /** Kinds made from nothing. */
    static final List<String> PATTERN_KINDS = List.of("noise", "blobs", "gradient", "radial_gradient",
            "checkerboard", "pseudo_text");

    private Negatives() { }

    /** A labelled synthetic image. */
    record Sample(String kind, GrayImage image) { }

    static GrayImage fromFilm(String kind, GrayImage f) {
        return switch (kind) {
            case "rotated_90" -> rotate90(f);
            case "rotated_180" -> flipVertical(flipHorizontal(f));
            case "rotated_270" -> rotate90(rotate90(rotate90(f)));
            case "upside_down" -> flipVertical(f);
            case "inverted" -> invert(f);
            case "crop_centre_40pct" -> crop(f, 0.3, 0.3, 0.4, f.width());
            case "crop_corner_45pct" -> crop(f, 0.0, 0.0, 0.45, f.width());
            case "crop_offcentre_38pct" -> crop(f, 0.55, 0.35, 0.38, f.width()); // geometry not in the crop bank
            case "crop_lower_60pct" -> crop(f, 0.2, 0.4, 0.6, f.width());        // neither
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static GrayImage pattern(String kind, int size, long seed) {
        Random r = new Random(seed);
        byte[] g = new byte[size * size];
        switch (kind) {
            case "noise" -> r.nextBytes(g);
            case "blobs" -> blobs(g, size, r);
            case "gradient" -> {
                double a = r.nextDouble() * 2 * Math.PI;
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        double t = ((x - size / 2.0) * Math.cos(a) + (y - size / 2.0) * Math.sin(a)) / size + 0.5;
                        g[y * size + x] = (byte) clamp(255 * t);
                    }
                }
            }
            case "radial_gradient" -> {
                double cx = size * r.nextDouble();
                double cy = size * r.nextDouble();
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        g[y * size + x] = (byte) clamp(255 - 255 * Math.hypot(x - cx, y - cy) / size);
                    }
                }
            }
            case "checkerboard" -> {
                int sq = 8 + r.nextInt(56);
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        g[y * size + x] = (byte) (((x / sq + y / sq) & 1) == 0 ? 0 : 255);
                    }
                }
            }
            case "pseudo_text" -> pseudoText(g, size, r);
            default -> throw new IllegalArgumentException(kind);
        }
        return new GrayImage(size, size, g);
    }

    /** Dark glyph-like strokes in lines on a light page, like a scanned document or screenshot of text. */
    private static void pseudoText(byte[] g, int size, Random r) {
        java.util.Arrays.fill(g, (byte) (230 + r.nextInt(25)));
        int glyph = 6 + r.nextInt(10);
        for (int line = glyph; line + glyph < size; line += glyph * 2) {
            int x = glyph;
            while (x + glyph < size - glyph) {
                if (r.nextInt(6) == 0) {
                    x += glyph; // word gap
                    continue;
                }
                for (int s = 0; s < 3; s++) { // three strokes per glyph
                    boolean vertical = r.nextBoolean();
                    int sx = x + r.nextInt(Math.max(1, glyph - 2));
                    int sy = line + r.nextInt(Math.max(1, glyph - 2));
                    for (int t = 0; t < glyph - 1; t++) {
                        int px = vertical ? sx : x + t;
                        int py = vertical ? line + t : sy;
                        if (px < size && py < size) {
                            g[py * size + px] = (byte) 20;
                        }
                    }
                }
                x += glyph;
            }
        }
    }

    private static void blobs(byte[] g, int size, Random r) {
        double[] acc = new double[size * size];
        for (int b = 0; b < 12; b++) {
            double cx = size * r.nextDouble();
            double cy = size * r.nextDouble();
            double rad = size * (0.05 + 0.2 * r.nextDouble());
            double amp = r.nextDouble() * 2 - 1;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double d = Math.hypot(x - cx, y - cy) / rad;
                    acc[y * size + x] += amp * Math.exp(-d * d);
                }
            }
        }
        for (int i = 0; i < acc.length; i++) {
            g[i] = (byte) clamp(128 + 90 * acc[i]);
        }
    }

    static GrayImage rotate90(GrayImage f) {
        int w = f.width();
        int h = f.height();
        byte[] o = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                o[x * h + (h - 1 - y)] = f.gray()[y * w + x];
            }
        }
        return new GrayImage(h, w, o);
    }

    static GrayImage flipVertical(GrayImage f) {
        int w = f.width();
        byte[] o = new byte[f.gray().length];
        for (int y = 0; y < f.height(); y++) {
            System.arraycopy(f.gray(), y * w, o, (f.height() - 1 - y) * w, w);
        }
        return new GrayImage(w, f.height(), o);
    }

    static GrayImage flipHorizontal(GrayImage f) {
        int w = f.width();
        byte[] o = new byte[f.gray().length];
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < w; x++) {
                o[y * w + (w - 1 - x)] = f.gray()[y * w + x];
            }
        }
        return new GrayImage(w, f.height(), o);
    }

    static GrayImage invert(GrayImage f) {
        byte[] o = new byte[f.gray().length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (byte) (255 - (f.gray()[i] & 0xFF));
        }
        return new GrayImage(f.width(), f.height(), o);
    }

    /** The square region at fractions ({@code fx, fy}) of side {@code fraction}, resized to {@code outSize}. */
    static GrayImage crop(GrayImage f, double fx, double fy, double fraction, int outSize) {
        int side = (int) Math.round(fraction * Math.min(f.width(), f.height()));
        int x0 = (int) Math.round(fx * f.width());
        int y0 = (int) Math.round(fy * f.height());
        byte[] c = new byte[side * side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(f.gray(), (y0 + y) * f.width() + x0, c, y * side, side);
        }
        float[] up = ModelInput.resize(new GrayImage(side, side, c), outSize);
        byte[] o = new byte[up.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (byte) clamp(Math.round(up[i]));
        }
        return new GrayImage(outSize, outSize, o);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, v));
    }

    /** Pattern samples, {@code perKind} of each. */
    static List<Sample> patterns(int perKind, int size, long seed) {
        List<Sample> out = new ArrayList<>();
        for (String kind : PATTERN_KINDS) {
            for (int i = 0; i < perKind; i++) {
                out.add(new Sample(kind, pattern(kind, size, seed + 1000L * i + kind.hashCode())));
            }
        }
        return out;
    }
}
