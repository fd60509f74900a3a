package org.cxrstudio.core.training.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Depthwise convolution with TensorFlow SAME padding, the affine and ReLU6 against numbers worked out by hand. */
class SameConvTest {

    /**
     * Input 1×2×4×4; channel 0 holds 1..16 row by row, channel 1 holds 1..16 too.
     * Kernel of channel 0: all ones (a 3×3 box sum); channel 1: 2 at the centre, 0 elsewhere.
     * Stride 2 with SAME pads one zero row at the bottom and one zero column at the right:
     * <pre>
     *  1  2  3  4 | 0      channel 0, windows at rows/cols {0,1,2} and {2,3,pad}:
     *  5  6  7  8 | 0        (1+2+3)+(5+6+7)+(9+10+11)   = 54   (3+4)+(7+8)+(11+12) = 45
     *  9 10 11 12 | 0        (9+10+11)+(13+14+15)        = 72   11+12+15+16        = 54
     * 13 14 15 16 | 0      channel 1: 2·x at rows/cols 1 and 3: 2·6 = 12, 2·8 = 16, 2·14 = 28, 2·16 = 32
     * </pre>
     * Then scale (0.1, 0.5), shift (−1, −8): channel 0 → 4.4, 3.5, 6.2, 4.4; channel 1 → −2, 0, 6, 8;
     * ReLU6 clips to channel 0 → 4.4, 3.5, 6, 4.4; channel 1 → 0, 0, 6, 6.
     * (PyTorch's symmetric padding 1 would give 14 for channel 0's first cell.)
     */
    @Test
    void depthwiseStride2SameConvMatchesHandComputedValues() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            SameConv conv = new SameConv(2, 3, 2, 2, true);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 2, 4, 4));
            float[] k = new float[18];
            for (int i = 0; i < 9; i++) {
                k[i] = 1;
            }
            k[9 + 4] = 2;
            set(conv.conv().getParameters().get("weight"), k);
            set(conv.scale(), new float[] {0.1f, 0.5f});
            set(conv.shift(), new float[] {-1f, -8f});
            float[] x = new float[32];
            for (int i = 0; i < 16; i++) {
                x[i] = i + 1;
                x[16 + i] = i + 1;
            }
            NDArray in = m.create(x, new Shape(1, 2, 4, 4));
            NDArray out = conv.forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(1, 2, 2, 2));
            assertThat(conv.getOutputShapes(new Shape[] {in.getShape()})[0]).isEqualTo(out.getShape());
            assertThat(out.toFloatArray()).containsExactly(new float[] {4.4f, 3.5f, 6f, 4.4f, 0f, 0f, 6f, 6f}, within(1e-5f));
        }
    }

    /** A 1×1 projection without ReLU6 keeps negative values and sums over channels (groups = 1). */
    @Test
    void pointwiseLinearConvSumsChannels() {
        try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            SameConv conv = new SameConv(1, 1, 1, 1, false);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 2, 1, 2));
            set(conv.conv().getParameters().get("weight"), new float[] {1f, -3f});
            set(conv.shift(), new float[] {0.5f});
            NDArray in = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 1, 2));
            NDArray out = conv.forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow();
            // (1·1 − 3·3 + 0.5, 1·2 − 3·4 + 0.5)
            assertThat(out.toFloatArray()).containsExactly(new float[] {-7.5f, -9.5f}, within(1e-6f));
        }
    }

    private static void set(Parameter p, float[] v) {
        assertThat(p.getArray().size()).isEqualTo(v.length);
        p.getArray().set(FloatBuffer.wrap(v));
    }
}
