package org.cxrstudio.core.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdamWTest {

    private static Parameter param(NDManager nd, float init) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(2, 2)).build();
        p.setInitializer(new ConstantInitializer(init));
        p.initialize(nd, DataType.FLOAT32);
        return p;
    }

    private static void backward(NDArray w, float[] c) {
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            gc.backward(w.mul(w.getManager().create(c, new Shape(2, 2))).sum());
        }
    }

    @Test
    void firstStepMovesBySignTimesLrPlusDecay() {
        try (NDManager nd = NDManager.newBaseManager("PyTorch")) {
            Parameter p = param(nd, 1f);
            AdamW opt = new AdamW(List.of(p), nd, 0.1f);
            backward(p.getArray(), new float[] {2, -3, 0.5f, -0.25f});
            opt.step(0.01f);
            // m̂ = g, v̂ = g² -> update = sign(g) (eps negligible); decoupled decay 0.1 * w(=1)
            assertThat(p.getArray().toFloatArray()).containsExactly(new float[] {
                    1 - 0.01f * 1.1f, 1 - 0.01f * (-1 + 0.1f), 1 - 0.01f * 1.1f, 1 - 0.01f * (-1 + 0.1f)}, within(1e-6f));
            assertThat(p.getArray().getGradient().toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void savedStateContinuesExactly() throws Exception {
        try (NDManager nd = NDManager.newBaseManager("PyTorch")) {
            float[] g1 = {1, 2, 3, 4};
            float[] g2 = {-1, 0.5f, 2, -4};
            Parameter a = param(nd, 0.5f);
            AdamW optA = new AdamW(List.of(a), nd, 0.01f);
            backward(a.getArray(), g1);
            optA.step(0.1f);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            optA.save(new DataOutputStream(bytes));
            float[] afterOne = a.getArray().toFloatArray();
            backward(a.getArray(), g2);
            optA.step(0.1f);

            Parameter b = param(nd, 0f);
            b.getArray().set(afterOne);
            AdamW optB = new AdamW(List.of(b), nd, 0.01f);
            optB.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(optB.steps()).isEqualTo(1);
            backward(b.getArray(), g2);
            optB.step(0.1f);
            assertThat(b.getArray().toFloatArray()).containsExactly(a.getArray().toFloatArray(), within(1e-7f));
        }
    }

    @Test
    void aStepWithAnOverflowingOrNonFiniteGradientChangesNothingAndLaterStepsStillMove() {
        try (NDManager nd = NDManager.newBaseManager("PyTorch")) {
            Parameter p = param(nd, 1f);
            AdamW opt = new AdamW(List.of(p), nd, 0.1f);
            backward(p.getArray(), new float[] {1, 1, 1, 1});
            assertThat(opt.step(0.01f)).isTrue();
            float[] before = p.getArray().toFloatArray();
            for (float bad : new float[] {3e19f, Float.POSITIVE_INFINITY, Float.NaN}) {
                backward(p.getArray(), new float[] {1, bad, 1, 1});
                assertThat(opt.step(0.01f)).as("gradient %s", bad).isFalse();
                assertThat(opt.lastSkipReason()).startsWith("w |g|max=");
                assertThat(p.getArray().toFloatArray()).containsExactly(before);
                assertThat(p.getArray().getGradient().toFloatArray()).containsOnly(0f);
                assertThat(opt.steps()).isEqualTo(1);
            }
            // without the guard, v would be infinite here and this update zero
            backward(p.getArray(), new float[] {1, 1, 1, 1});
            assertThat(opt.step(0.01f)).isTrue();
            float[] after = p.getArray().toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertThat(after[i]).isLessThan(before[i] - 0.005f);
            }
        }
    }

    @Test
    void aCheckpointWithInfiniteMomentsLoadsWithThoseMomentsReset() throws Exception {
        try (NDManager nd = NDManager.newBaseManager("PyTorch")) {
            // the state a run frozen by an overflowing step left behind: v = +inf everywhere
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(500);
            out.writeInt(1);
            for (float[] a : new float[][] {{0.1f, 0.1f, 0.1f, 0.1f}, {Float.POSITIVE_INFINITY, 1, 1, 1}}) {
                out.writeInt(4);
                for (float x : a) {
                    out.writeFloat(x);
                }
            }
            Parameter p = param(nd, 1f);
            AdamW opt = new AdamW(List.of(p), nd, 0f);
            opt.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            backward(p.getArray(), new float[] {1, 1, 1, 1});
            assertThat(opt.step(0.01f)).isTrue();
            // moments reset, so the step moves each weight by ~lr (an infinite v would give 0)
            for (float w : p.getArray().toFloatArray()) {
                assertThat(w).isLessThan(1 - 0.001f);
            }
        }
    }
}
