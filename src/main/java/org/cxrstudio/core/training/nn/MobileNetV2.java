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
 * <p>Preset names: {@code mobilenetv2} (α = 1, the one ImageNet weights exist for),
 * {@code mobilenetv2-α}, e.g. {@code mobilenetv2-0.5}, α in {@value #MIN_ALPHA}..{@value #MAX_ALPHA},
 * and the reduced network {@code mobilenetv2-sK}: α = 1 cut after its first K stages
 * ({@value #MIN_STAGES}..{@value #MAX_CUT_STAGES}), whose last 1×1 conv goes to
 * {@value #CUT_EXPANSION}× the last kept stage's channels. Every layer of a cut network except that
 * last conv exists in the ImageNet file, so it starts from the same weights as the full one
 * ({@code --init}); e.g. {@code mobilenetv2-s5} keeps the stride-16 stages through 96 channels.
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
    /** Fewest stages of a cut network ({@code mobilenetv2-s3}: stride 8, 32 channels). */
    public static final int MIN_STAGES = 3;
    /** Most stages of a cut network; 7 is the full one, {@code mobilenetv2}. */
    public static final int MAX_CUT_STAGES = 6;
    /** Width of a cut network's last 1×1 conv, as a multiple of its last stage's channels. */
    public static final int CUT_EXPANSION = 4;
    private static final String CUT_PREFIX = PREFIX + "-s";

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
        if (!name.startsWith(PREFIX + "-") || name.startsWith(CUT_PREFIX)) {
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

    /**
     * @return the stage count K of a {@code mobilenetv2-sK} name, or {@code 0} if the name is not one
     * @throws IllegalArgumentException for a malformed or out-of-range K
     */
    static int cutStagesOf(String name) {
        if (!name.startsWith(CUT_PREFIX)) {
            return 0;
        }
        String k = name.substring(CUT_PREFIX.length());
        int stages;
        try {
            stages = Integer.parseInt(k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad stage count '" + k + "' in " + name + " (e.g. mobilenetv2-s5)");
        }
        if (stages < MIN_STAGES || stages > MAX_CUT_STAGES) {
            throw new IllegalArgumentException("stage count of " + name + " must be " + MIN_STAGES + ".." + MAX_CUT_STAGES
                    + " (" + PREFIX + " is all 7)");
        }
        return stages;
    }

    /** Whether ImageNet MobileNetV2 1.0 weights fit preset {@code name}: {@code mobilenetv2} or a valid {@code mobilenetv2-sK}. */
    public static boolean takesImageNetWeights(String name) {
        try {
            return PREFIX.equals(name) || cutStagesOf(name) > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The spec of α = 1 cut after its first {@code stages} stages, named {@code mobilenetv2-sK}. */
    static ArchSpec cutSpec(int inputSize, int stages) {
        List<Integer> widths = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            widths.add(CHANNELS[i]);
            depths.add(BLOCKS[i]);
        }
        widths.add(CUT_EXPANSION * CHANNELS[stages - 1]);
        depths.add(1);
        return new ArchSpec(CUT_PREFIX + stages, ArchSpec.MOBILENETV2, inputSize, 32, widths, depths, false, 1,
                Architectures.DEFAULT_R0);
    }

    /** Stages a spec of this family keeps (7 for the full network). */
    public static int stages(ArchSpec spec) {
        return spec.widths().size() - 1;
    }

    /** Stride-2 layers of the first {@code stages} stages, the stem included. */
    static int strideTwoLayers(int stages) {
        int n = 1;
        for (int i = 0; i < stages; i++) {
            n += STRIDES[i] == 2 ? 1 : 0;
        }
        return n;
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

    /** The feature layers: stem, the stages' {@link InvertedResidual} blocks (17 in all 7), final 1×1 conv. */
    static List<Block> layers(ArchSpec spec) {
        List<Block> layers = new ArrayList<>();
        layers.add(new SameConv(spec.stemWidth(), 3, 2, 1, true));
        int in = spec.stemWidth();
        for (int stage = 0; stage < stages(spec); stage++) {
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
