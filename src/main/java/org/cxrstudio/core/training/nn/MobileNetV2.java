package org.cxrstudio.core.training.nn;

import ai.djl.nn.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MobileNetV2 layout (Sandler et al. 2018; the Keras/TensorFlow variant whose ImageNet weights
 * are in {@code ../shared/pretrained}) for 1-channel input: stem conv3×3/2 + ReLU6, 17 inverted
 * residual blocks in 7 stages, a 1×1 conv + ReLU6 to {@link #lastWidth} channels at stride 32.
 * Channels scale with a width multiplier α, rounded to multiples of 8 like Keras.
 *
 * <p>Preset names: {@code mobilenetv2} (α = 1, the one ImageNet weights exist for) and
 * {@code mobilenetv2-α}, e.g. {@code mobilenetv2-0.5}, α in {@value #MIN_ALPHA}..{@value #MAX_ALPHA}.
 */
public final class MobileNetV2 {
    public static final String PREFIX = "mobilenetv2";
    public static final double MIN_ALPHA = 0.25;
    public static final double MAX_ALPHA = 2;
    /** Output channels of the 7 stages at α = 1. */
    static final int[] CHANNELS = {16, 24, 32, 64, 96, 160, 320};
    /** Blocks per stage. */
    static final int[] BLOCKS = {1, 2, 3, 4, 3, 3, 1};
    /** Stride of each stage's first block. */
    static final int[] STRIDES = {1, 2, 2, 2, 1, 2, 1};
    /** Expansion factor t per stage. */
    static final int[] EXPANSIONS = {1, 6, 6, 6, 6, 6, 6};

    private MobileNetV2() {
    }

    /**
     * @return the width multiplier of a {@code mobilenetv2[-α]} name, or {@code NaN} if the name is
     *         not of this family
     * @throws IllegalArgumentException for a malformed or out-of-range α
     */
    static double alphaOf(String name) {
        if (PREFIX.equals(name)) {
            return 1;
        }
        if (!name.startsWith(PREFIX + "-")) {
            return Double.NaN;
        }
        String a = name.substring(PREFIX.length() + 1);
        double alpha;
        try {
            alpha = Double.parseDouble(a);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad width multiplier '" + a + "' in " + name + " (e.g. mobilenetv2-0.5)");
        }
        if (!(alpha >= MIN_ALPHA && alpha <= MAX_ALPHA)) {
            throw new IllegalArgumentException("width multiplier of " + name + " must be " + MIN_ALPHA + ".." + MAX_ALPHA);
        }
        return alpha;
    }

    /** Keras' {@code _make_divisible(v, 8)}: nearest multiple of 8, never below 90 % of v. */
    static int divisible8(double v) {
        int n = Math.max(8, (int) (v + 4) / 8 * 8);
        return n < 0.9 * v ? n + 8 : n;
    }

    /** The spec of width multiplier {@code alpha}; its name is canonical ({@code mobilenetv2-1.0} → {@code mobilenetv2}). */
    static ArchSpec spec(int inputSize, double alpha) {
        List<Integer> widths = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (int i = 0; i < CHANNELS.length; i++) {
            widths.add(divisible8(CHANNELS[i] * alpha));
            depths.add(BLOCKS[i]);
        }
        widths.add(alpha > 1 ? divisible8(1280 * alpha) : 1280);
        depths.add(1);
        String n = alpha == 1 ? PREFIX : PREFIX + "-" + String.format(Locale.ROOT, "%s", trim(alpha));
        return new ArchSpec(n, ArchSpec.MOBILENETV2, inputSize, divisible8(32 * alpha),
                widths, depths, false, 1, Architectures.DEFAULT_R0);
    }

    private static String trim(double a) {
        return a == Math.rint(a) ? String.valueOf((long) a) : String.valueOf(a);
    }

    /** Channels of the final 1×1 convolution (the features the CAM head sees). */
    public static int lastWidth(ArchSpec spec) {
        return spec.widths().get(spec.widths().size() - 1);
    }

    /** The feature layers: stem, 17 {@link InvertedResidual} blocks, final 1×1 conv. */
    static List<Block> layers(ArchSpec spec) {
        List<Block> layers = new ArrayList<>();
        layers.add(new SameConv(spec.stemWidth(), 3, 2, 1, true));
        int in = spec.stemWidth();
        for (int stage = 0; stage < CHANNELS.length; stage++) {
            int out = spec.widths().get(stage);
            for (int b = 0; b < spec.depths().get(stage); b++) {
                layers.add(new InvertedResidual(in, out, b == 0 ? STRIDES[stage] : 1, EXPANSIONS[stage]));
                in = out;
            }
        }
        layers.add(new SameConv(lastWidth(spec), 1, 1, 1, true));
        return layers;
    }
}
