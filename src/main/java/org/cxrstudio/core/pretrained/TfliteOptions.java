package org.cxrstudio.core.pretrained;

/**
 * The options of a convolution, depthwise convolution, pooling, add or fully-connected operator.
 * Strides, dilations and filter sizes are in pixels (1 when not applicable).
 *
 * @param samePadding  true for TensorFlow "SAME" padding (extra pixel at the bottom/right), false for "VALID"
 * @param activation     fused activation
 */
public record TfliteOptions(boolean samePadding, int strideH, int strideW, int dilationH, int dilationW,
                            int filterH, int filterW, Activation activation) {
    public static final TfliteOptions NONE = new TfliteOptions(false, 1, 1, 1, 1, 1, 1, Activation.NONE);

    /** TFLite {@code ActivationFunctionType}. */
    public enum Activation {
        NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT, UNKNOWN;

        static Activation of(int code) {
            return code >= 0 && code < UNKNOWN.ordinal() ? values()[code] : UNKNOWN;
        }
    }
}
