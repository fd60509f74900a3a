package org.cxrstudio.core.imaging;

import java.util.Random;

/**
 * A synthetic, chest-like test image: body outline, two lungs with domed bases and a texture
 * of vessels, heart and mediastinum, spine, ribs, clavicles and a small cluster of nodules in
 * the right upper zone. It looks roughly like a PA chest film so that the viewer, the samples
 * and the display-pipeline tests have something realistic to show, without any patient data.
 * Not a medical image. Deterministic for a given size and seed; pure function, thread-safe.
 */
public final class ChestPhantom {
    private ChestPhantom() { }

    /**
     * @param size side in pixels, 32..4096
     * @param seed noise seed
     * @return {@code size*size} row-major values in {@code 0..1}, where 1 is the most attenuating
     *         (bone, shown white in MONOCHROME2) and 0 is direct exposure (shown black)
     */
    public static double[] generate(int size, long seed) {
        if (size < 32 || size > 4096) {
            throw new IllegalArgumentException("phantom size must be 32..4096, got " + size);
        }
        Random rnd = new Random(seed);
        double[] out = new double[size * size];
        for (int y = 0; y < size; y++) {
            double v = (y + 0.5) / size;
            for (int x = 0; x < size; x++) {
                double u = (x + 0.5) / size;
                out[y * size + x] = value(u, v);
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = clamp(out[i] + rnd.nextGaussian() * 0.008);
        }
        return out;
    }

    private static double value(double u, double v) {
        if (!inEllipse(u, v, 0.5, 0.55, 0.46, 0.52)) {
            return 0.04; // air around the body
        }
        double a = 0.55; // soft tissue
        boolean rightLung = inEllipse(u, v, 0.31, 0.45, 0.15, 0.30) && !inEllipse(u, v, 0.31, 0.86, 0.20, 0.14);
        boolean leftLung = inEllipse(u, v, 0.69, 0.45, 0.14, 0.29) && !inEllipse(u, v, 0.69, 0.84, 0.20, 0.13);
        if (rightLung || leftLung) {
            double hilum = Math.hypot(u - 0.5, (v - 0.45) * 0.8);
            double vessels = 0.04 * Math.pow(Math.max(0, Math.sin(40 * hilum + 6 * u) * Math.sin(30 * v)), 4);
            a = 0.18 + 0.18 * Math.max(0, 0.35 - hilum) + vessels;
        }
        if (inEllipse(u, v, 0.56, 0.62, 0.14, 0.16)) {
            a = Math.max(a, 0.68); // heart
        }
        if (Math.abs(u - 0.5) < 0.06 && v > 0.08) {
            a = Math.max(a, 0.66 + 0.06 * Math.cos((v * 60) % (2 * Math.PI))); // spine and vertebrae
        }
        if (rightLung || leftLung) {
            double rib = Math.sin((v - 0.12 + 0.12 * Math.pow(u - 0.5, 2) * 8) * 2 * Math.PI * 9);
            if (rib > 0.75) {
                a += 0.14; // ribs
            }
            for (double[] n : new double[][] {{0.27, 0.27, 0.018}, {0.31, 0.24, 0.012}, {0.24, 0.31, 0.014}}) {
                double d = Math.hypot(u - n[0], v - n[1]) / n[2];
                if (d < 1) {
                    a += 0.18 * (1 - d * d); // nodules (synthetic "findings")
                }
            }
        }
        double clavicle = Math.abs(v - (0.16 + 0.15 * Math.abs(u - 0.5)));
        if (clavicle < 0.012 && Math.abs(u - 0.5) > 0.05 && Math.abs(u - 0.5) < 0.3) {
            a += 0.18;
        }
        return clamp(a);
    }

    private static boolean inEllipse(double u, double v, double cu, double cv, double ru, double rv) {
        double du = (u - cu) / ru;
        double dv = (v - cv) / rv;
        return du * du + dv * dv <= 1;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
