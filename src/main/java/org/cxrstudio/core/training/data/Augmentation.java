package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.Bilinear;
import java.util.Random;

/**
 * One random, label-preserving perturbation of a training image: a small affine transform
 * (rotation, isotropic scale, translation about the image centre) and a gamma change.
 * <p>What is deliberately <em>not</em> here: horizontal flips. A chest radiograph is not
 * left-right symmetric — heart, aortic knob and gastric bubble lie on the patient's left, the
 * liver dome on the right, and the PA/AP marker convention fixes which side is which — so a
 * flipped film is an anatomically implausible image (dextrocardia is rare), and a network
 * trained on flips wastes capacity on impossible inputs and loses a real cue (laterality of
 * findings). Brightness/contrast changes are also left out: the per-image normalisation
 * (z-score) cancels any linear intensity change, so only the non-linear gamma varies contrast.
 * <p>The transform is defined in coordinates relative to the image (centre 0, side 1), so the
 * same instance warps the student input and the teacher's CAM on its coarser grid identically.
 *
 * @param rotationDeg   counter-clockwise rotation, degrees
 * @param scale         zoom factor, {@code > 0} (1 = none)
 * @param shiftX        horizontal shift, fraction of the width
 * @param shiftY        vertical shift, fraction of the height
 * @param gamma         intensity gamma on 0..255 values, {@code > 0} (1 = none)
 */
public record Augmentation(double rotationDeg, double scale, double shiftX, double shiftY, double gamma) {
    /** No change. */
    public static final Augmentation NONE = new Augmentation(0, 1, 0, 0, 1);
    public static final double MAX_ROTATION_DEG = 7;
    public static final double MAX_SCALE_CHANGE = 0.10;
    public static final double MAX_SHIFT = 0.06;
    public static final double MAX_LOG_GAMMA = Math.log(1.25);

    public Augmentation {
        if (!(scale > 0) || !(gamma > 0)) {
            throw new IllegalArgumentException("scale and gamma must be > 0");
        }
    }

    /** Draws uniformly within ±7°, ×(0.9..1.1), ±6 % shift, gamma 0.8..1.25 (log-uniform). */
    public static Augmentation random(Random rnd) {
        return new Augmentation((rnd.nextDouble() * 2 - 1) * MAX_ROTATION_DEG,
                1 + (rnd.nextDouble() * 2 - 1) * MAX_SCALE_CHANGE,
                (rnd.nextDouble() * 2 - 1) * MAX_SHIFT, (rnd.nextDouble() * 2 - 1) * MAX_SHIFT,
                Math.exp((rnd.nextDouble() * 2 - 1) * MAX_LOG_GAMMA));
    }

    /** Applies the affine warp and the gamma to a {@code size×size} plane of 0..255 values. */
    public float[] applyToImage(float[] plane, int size) {
        float[] out = warp(plane, size, size);
        if (gamma != 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (255 * Math.pow(Math.max(0, out[i]) / 255.0, gamma));
            }
        }
        return out;
    }

    /**
     * The affine part only, on any {@code width×height} grid (e.g. a CAM): output cell {@code p}
     * takes the bilinear source value at {@code A⁻¹(p)}, clamped at the borders.
     */
    public float[] warp(float[] src, int width, int height) {
        if (rotationDeg == 0 && scale == 1 && shiftX == 0 && shiftY == 0) {
            return src.clone();
        }
        double a = Math.toRadians(rotationDeg);
        double cos = Math.cos(a) / scale;
        double sin = Math.sin(a) / scale;
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            double v = (y + 0.5) / height - 0.5 - shiftY;
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / width - 0.5 - shiftX;
                double su = cos * u + sin * v;   // inverse rotation by -a, then inverse scale
                double sv = -sin * u + cos * v;
                out[y * width + x] = Bilinear.sample(src, width, height, (su + 0.5) * width - 0.5, (sv + 0.5) * height - 0.5);
            }
        }
        return out;
    }
}
