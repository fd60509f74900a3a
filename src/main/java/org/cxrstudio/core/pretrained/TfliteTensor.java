package org.cxrstudio.core.pretrained;

import java.util.Arrays;

/**
 * One tensor of a TFLite subgraph. A quantised value q means {@code scale[c] * (q - zeroPoint[c])}
 * with {@code c} the index along {@code quantizedDimension} (a single scale applies to all elements).
 *
 * @param index              position in the subgraph's tensor list
 * @param type               element type
 * @param shape              dimensions as stored (TFLite activations are NHWC)
 * @param buffer             index into the model's buffers; 0 = no constant data
 * @param scale              quantisation scales, empty when not quantised
 * @param zeroPoint          zero points, empty (= 0) or one per scale
 * @param quantizedDimension the axis that {@code scale} runs along when it has more than one entry
 */
public record TfliteTensor(int index, String name, ElementType type, int[] shape, int buffer, float[] scale,
                           long[] zeroPoint, int quantizedDimension) {

    /** The element types this reader can decode; anything else is {@link #OTHER}. */
    public enum ElementType {
        FLOAT32(4), INT32(4), UINT8(1), INT8(1), OTHER(0);

        private final int bytes;

        ElementType(int bytes) {
            this.bytes = bytes;
        }

        /** Bytes per element, 0 for {@link #OTHER}. */
        public int bytes() {
            return bytes;
        }

        static ElementType of(int tfliteCode) {
            return switch (tfliteCode) {
                case 0 -> FLOAT32;
                case 2 -> INT32;
                case 3 -> UINT8;
                case 9 -> INT8;
                default -> OTHER;
            };
        }
    }

    /** Number of elements (product of the shape; 1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return "tensor " + index + " '" + name + "' " + type + Arrays.toString(shape);
    }
}
