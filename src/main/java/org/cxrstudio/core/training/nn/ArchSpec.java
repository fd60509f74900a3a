package org.cxrstudio.core.training.nn;

import java.util.List;

/**
 * A network's shape, enough to rebuild it ({@link Architectures#build(ArchSpec)}) and to
 * export it; stored as {@code spec.json} in every checkpoint (see {@link Checkpoints}).
 *
 * <p>Two families share one head (a 1×1 convolution to per-class score maps S, pooled with
 * LSE-LBA, see {@link LseLbaPooling}):
 * <ul>
 *   <li>{@value #STUDENT}: a plain CNN. Stem conv3×3 stride 2 ({@code stemWidth} channels),
 *       then one stage per entry of {@code widths}: {@code depths[i]} conv3×3-BN-ReLU layers,
 *       the first with stride 2. Output stride {@code 2^(1+stages)}.</li>
 *   <li>{@value #RESNET}: torchvision-shaped ResNet for 1-channel input. Stem conv7×7 stride 2
 *       (64 channels) + BN + ReLU + max-pool 3×3 stride 2, four stages of basic blocks (or
 *       bottleneck blocks with expansion 4) with stride 2 at the start of stages 2–4; output
 *       stride 32.</li>
 *   <li>{@value #MOBILENETV2}: MobileNetV2 ({@link MobileNetV2}) with TensorFlow SAME padding,
 *       ReLU6 and a trained per-channel affine instead of batch norm. {@code widths} holds the
 *       stages' output channels (all 7, or the first K of a cut network) followed by the final 1×1
 *       conv's (1280 at α ≤ 1), {@code depths} the blocks per stage followed by 1; output stride 32
 *       for all 7 stages.</li>
 * </ul>
 *
 * @param name       preset name, e.g. {@code "student-s"}, {@code "resnet18"}
 * @param family     {@value #STUDENT}, {@value #RESNET} or {@value #MOBILENETV2}
 * @param inputSize  square input side in pixels, {@code 32..1024}
 * @param stemWidth  channels of the stem convolution
 * @param widths     channels per stage (for bottlenecks the inner width; outputs are 4×)
 * @param depths     layers (student) or residual blocks (resnet) per stage
 * @param bottleneck resnet only: bottleneck blocks instead of basic blocks
 * @param numClasses score maps / logits, {@code 1} for CXR Studio ({@code ["tb"]})
 * @param r0         LSE-LBA lower bound of the sharpness r = r0 + exp(β), {@code >= 0}
 */
public record ArchSpec(String name, String family, int inputSize, int stemWidth, List<Integer> widths,
                       List<Integer> depths, boolean bottleneck, int numClasses, double r0) {
    public static final String STUDENT = "student";
    public static final String RESNET = "resnet";
    public static final String MOBILENETV2 = "mobilenetv2";

    public ArchSpec {
        widths = List.copyOf(widths);
        depths = List.copyOf(depths);
        if (!STUDENT.equals(family) && !RESNET.equals(family) && !MOBILENETV2.equals(family)) {
            throw new IllegalArgumentException("unknown family '" + family + "' (student, resnet or mobilenetv2)");
        }
        if (inputSize < 32 || inputSize > 1024) {
            throw new IllegalArgumentException("input size must be 32..1024 px, got " + inputSize);
        }
        if (widths.isEmpty() || widths.size() != depths.size()) {
            throw new IllegalArgumentException("widths and depths must be non-empty and of equal length");
        }
        if (stemWidth < 1 || widths.stream().anyMatch(w -> w < 1) || depths.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("widths and depths must be >= 1");
        }
        if (MOBILENETV2.equals(family) && (widths.size() < 2 || widths.size() > MobileNetV2.CHANNELS.length + 1
                || depths.get(depths.size() - 1) != 1)) {
            throw new IllegalArgumentException("mobilenetv2 needs 1..7 stage widths plus the last conv's, depths ending in 1");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1");
        }
        if (!(r0 >= 0) || Double.isInfinite(r0)) {
            throw new IllegalArgumentException("r0 must be finite and >= 0, got " + r0);
        }
    }

    /**
     * Total downsampling from input to score map: 16 for students with 3 stages, 32 for ResNets and
     * the full MobileNetV2 (16 for {@code mobilenetv2-s4}/{@code -s5}).
     */
    public int outputStride() {
        if (MOBILENETV2.equals(family)) {
            return 1 << MobileNetV2.strideTwoLayers(MobileNetV2.stages(this));
        }
        return STUDENT.equals(family) ? 1 << (1 + widths.size()) : 32;
    }

    /** Side of the CAM in cells for this input size (each conv/pool rounds down like PyTorch). */
    public int camSize() {
        return camSizeFor(inputSize);
    }

    int camSizeFor(int size) {
        int s = size;
        if (MOBILENETV2.equals(family)) {
            for (int i = MobileNetV2.strideTwoLayers(MobileNetV2.stages(this)); i > 0; i--) {
                s = (s + 1) / 2;                  // SAME padding: ceil(s / 2) per stride-2 layer
            }
        } else if (RESNET.equals(family)) {
            s = (s + 2 * 3 - 7) / 2 + 1;      // conv7x7 s2 p3
            s = (s + 2 - 3) / 2 + 1;          // maxpool 3x3 s2 p1
            for (int i = 1; i < widths.size(); i++) {
                s = (s + 2 - 3) / 2 + 1;      // strided 3x3 (1x1 shortcut gives the same size)
            }
        } else {
            for (int i = 0; i <= widths.size(); i++) {
                s = (s + 2 - 3) / 2 + 1;
            }
        }
        return s;
    }

    public ArchSpec withInputSize(int size) {
        return new ArchSpec(name, family, size, stemWidth, widths, depths, bottleneck, numClasses, r0);
    }

    public ArchSpec withR0(double newR0) {
        return new ArchSpec(name, family, inputSize, stemWidth, widths, depths, bottleneck, numClasses, newR0);
    }
}
