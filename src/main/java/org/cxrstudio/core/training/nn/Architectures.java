package org.cxrstudio.core.training.nn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;

import java.util.ArrayList;
import java.util.List;

/**
 * Named presets and the builder of CXR Studio networks.
 *
 * <pre>{@code
 * ArchSpec spec = Architectures.preset("student-s", 256);
 * Block net = Architectures.build(spec);
 * net.initialize(manager, DataType.FLOAT32, Architectures.inputShape(spec, 1));
 * NDList out = net.forward(new ParameterStore(manager, false), new NDList(x), false); // [logits, cam]
 * }</pre>
 *
 * <p>Presets (trainable parameters incl. head and β; see {@code docs/models.md}):
 * {@code student-xs} (~61k), {@code student-s} (~248k, stride 16), {@code student-m} (~1.1M),
 * {@code resnet18}, {@code resnet34}, {@code resnet50} (torchvision layouts, stride 32),
 * {@code mobilenetv2} (~2.2M, stride 32; {@code mobilenetv2-α} for another width multiplier and
 * {@code mobilenetv2-sK} for the first K stages, see {@link MobileNetV2}).
 */
public final class Architectures {
    /** Default LSE-LBA lower bound r0; see {@link LseLbaPooling} for why 1. */
    public static final double DEFAULT_R0 = 1.0;
    public static final List<String> PRESETS =
            List.of("student-xs", "student-s", "student-m", "resnet18", "resnet34", "resnet50", "mobilenetv2");

    private Architectures() {
    }

    /**
     * @param name      one of {@link #PRESETS}, {@code mobilenetv2-α} (α = width multiplier) or
     *                  {@code mobilenetv2-sK} (the first K stages)
     * @param inputSize square input side, {@code 32..1024} px
     * @throws IllegalArgumentException for an unknown name or size, listing the known names
     */
    public static ArchSpec preset(String name, int inputSize) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        int cut = MobileNetV2.cutStagesOf(n);
        if (cut > 0) {
            return MobileNetV2.cutSpec(inputSize, cut);
        }
        double alpha = MobileNetV2.alphaOf(n);
        if (!Double.isNaN(alpha)) {
            return MobileNetV2.spec(inputSize, alpha);
        }
        return switch (n) {
            case "student-xs" -> student(n, inputSize, 8, List.of(16, 32, 64), List.of(1, 1, 2));
            case "student-s" -> student(n, inputSize, 16, List.of(32, 64, 112), List.of(2, 2, 2));
            case "student-m" -> student(n, inputSize, 24, List.of(48, 96, 192), List.of(2, 3, 3));
            case "resnet18" -> resnet(n, inputSize, List.of(2, 2, 2, 2), false);
            case "resnet34" -> resnet(n, inputSize, List.of(3, 4, 6, 3), false);
            case "resnet50" -> resnet(n, inputSize, List.of(3, 4, 6, 3), true);
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "'; known: " + PRESETS);
        };
    }

    private static ArchSpec student(String n, int size, int stem, List<Integer> widths, List<Integer> depths) {
        return new ArchSpec(n, ArchSpec.STUDENT, size, stem, widths, depths, false, 1, DEFAULT_R0);
    }

    private static ArchSpec resnet(String n, int size, List<Integer> depths, boolean bottleneck) {
        return new ArchSpec(n, ArchSpec.RESNET, size, 64, List.of(64, 128, 256, 512), depths, bottleneck, 1, DEFAULT_R0);
    }

    /** Input shape {@code batch×1×S×S} for {@code initialize}. */
    public static ai.djl.ndarray.types.Shape inputShape(ArchSpec spec, int batch) {
        return new ai.djl.ndarray.types.Shape(batch, 1, spec.inputSize(), spec.inputSize());
    }

    /**
     * Builds an uninitialised {@link TbNet}. Convolution weights get He (Kaiming normal, fan-in)
     * initialisation, batch norms (and MobileNetV2's affines) γ=1/β=0, LSE-LBA β=0 (r = r0 + 1).
     */
    public static TbNet build(ArchSpec spec) {
        List<Block> layers = new ArrayList<>();
        if (ArchSpec.RESNET.equals(spec.family())) {
            layers.add(new ConvBn(spec.stemWidth(), 7, 2, true));
            layers.add(new MaxPool(3, 2, 1));
            int in = spec.stemWidth();
            for (int stage = 0; stage < spec.widths().size(); stage++) {
                int w = spec.widths().get(stage);
                for (int b = 0; b < spec.depths().get(stage); b++) {
                    int stride = stage > 0 && b == 0 ? 2 : 1;
                    layers.add(new ResidualBlock(in, w, stride, spec.bottleneck()));
                    in = spec.bottleneck() ? 4 * w : w;
                }
            }
        } else if (ArchSpec.MOBILENETV2.equals(spec.family())) {
            layers.addAll(MobileNetV2.layers(spec));
        } else {
            layers.add(new ConvBn(spec.stemWidth(), 3, 2, true));
            for (int stage = 0; stage < spec.widths().size(); stage++) {
                for (int d = 0; d < spec.depths().get(stage); d++) {
                    layers.add(new ConvBn(spec.widths().get(stage), 3, d == 0 ? 2 : 1, true));
                }
            }
        }
        TbNet net = new TbNet(spec, layers);
        net.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        return net;
    }

    /** Trainable parameter count (excludes batch-norm running statistics, like PyTorch's). */
    public static long trainableParameters(Block initialised) {
        long n = 0;
        for (var p : initialised.getParameters().values()) {
            if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                n += p.getArray().size();
            }
        }
        return n;
    }
}
