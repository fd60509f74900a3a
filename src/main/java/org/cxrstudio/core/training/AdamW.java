package org.cxrstudio.core.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter), written out so that its state (the
 * moment estimates and the step count) can be saved in a checkpoint and a resumed run continues
 * exactly where it stopped — DJL's optimizers keep that state private. Update per parameter:
 * {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code w −= lr·(m̂ / (√v̂ + ε) + wd·w)} with bias-corrected {@code m̂, v̂}. Biases and batch-norm
 * parameters (1-D) get no weight decay. Not thread-safe; call {@link #step} outside a gradient
 * collector.
 *
 * <p>A batch whose gradient is not finite, or so large that its square overflows a float
 * ({@code |g| ≥ }{@value #GRADIENT_LIMIT}), is skipped: applied, it would set {@code v} to infinity
 * for good and freeze every later update at zero (Adam divides by {@code √v}) while the loss still
 * looks finite: a silent stall, where training runs on but the validation figures stop moving.
 */
final class AdamW {
    private static final Logger LOG = LoggerFactory.getLogger(AdamW.class);
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPS = 1e-8f;
    /** Largest gradient magnitude applied; its square (1e36) still fits a float. */
    static final float GRADIENT_LIMIT = 1e18f;

    private final List<Parameter> params;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private final NDManager manager;
    private final float weightDecay;
    private long steps;
    private String lastSkipReason;

    /** @param params trainable parameters (those requiring gradients), in a fixed order */
    AdamW(List<Parameter> params, NDManager manager, float weightDecay) {
        this.params = List.copyOf(params);
        this.manager = manager;
        this.weightDecay = weightDecay;
        for (Parameter p : this.params) {
            m.add(manager.zeros(p.getArray().getShape()));
            v.add(manager.zeros(p.getArray().getShape()));
        }
    }

    long steps() {
        return steps;
    }

    /** Why the last skipped step was skipped (parameter and gradient magnitude), or {@code null}. */
    String lastSkipReason() {
        return lastSkipReason;
    }

    /**
     * One update with learning rate {@code lr}; then zeroes the gradients. A step whose gradient is
     * not finite or exceeds {@value #GRADIENT_LIMIT} in magnitude changes nothing (weights, moments
     * and step count stay as they were; see {@link #lastSkipReason()}).
     *
     * @return whether the update was applied
     */
    boolean step(float lr) {
        // PyTorch's grad mode is per thread and on by default: a thread that never opened a
        // GradientCollector (the training panel's worker, a test runner) would record these
        // in-place updates on leaf parameters and fail. The collector itself turns it back on.
        JniUtils.setGradMode(false);
        String bad = firstBadGradient();
        if (bad != null) {
            lastSkipReason = bad;
            for (Parameter p : params) {
                try (NDArray g = p.getArray().getGradient()) {
                    g.set(new NDIndex("..."), 0f); // g - g would keep NaN
                }
            }
            return false;
        }
        steps++;
        float c1 = (float) (1 - Math.pow(BETA1, steps));
        float c2 = (float) (1 - Math.pow(BETA2, steps));
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray mi = m.get(i);
            NDArray vi = v.get(i);
            // Every temporary is closed here: results of an operation belong to its first
            // operand's manager, which for parameters, gradients and moments is the network's
            // long-lived one, so anything left open would leak (gigabytes per epoch).
            try (NDArray g = w.getGradient()) {
                try (NDArray gs = g.mul(1 - BETA1)) {
                    mi.muli(BETA1).addi(gs);
                }
                try (NDArray g2 = g.square(); NDArray g2s = g2.mul(1 - BETA2)) {
                    vi.muli(BETA2).addi(g2s);
                }
                try (NDArray mHat = mi.div(c1); NDArray vHat = vi.div(c2); NDArray root = vHat.sqrt();
                     NDArray denom = root.add(EPS); NDArray update = mHat.div(denom)) {
                    if (weightDecay > 0 && w.getShape().dimension() > 1) {
                        try (NDArray decay = w.mul(weightDecay)) {
                            update.addi(decay);
                        }
                    }
                    w.subi(update.muli(lr));
                }
                g.subi(g);
            }
        }
        return true;
    }

    /** The first parameter whose gradient is not finite or exceeds the limit, described; else null. */
    private String firstBadGradient() {
        for (Parameter p : params) {
            try (NDArray g = p.getArray().getGradient(); NDArray a = g.abs(); NDArray max = a.max()) {
                float x = max.getFloat();
                if (!(x < GRADIENT_LIMIT)) { // also true for NaN
                    return p.getName() + " |g|max=" + x;
                }
            }
        }
        return null;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeInt(params.size());
        for (int i = 0; i < params.size(); i++) {
            writeFloats(out, m.get(i).toFloatArray());
            writeFloats(out, v.get(i).toFloatArray());
        }
    }

    void load(DataInputStream in) throws IOException {
        steps = in.readLong();
        int n = in.readInt();
        if (n != params.size()) {
            throw new IOException("checkpoint optimizer state has " + n + " parameters, model has " + params.size());
        }
        for (int i = 0; i < n; i++) {
            ai.djl.ndarray.types.Shape shape = m.get(i).getShape();
            float[] mf = readFloats(in, shape.size());
            float[] vf = readFloats(in, shape.size());
            if (!allFinite(mf) || !allFinite(vf)) {
                // written before bad steps were skipped: an infinite v would freeze this
                // parameter for the rest of the run, so its moments start afresh
                LOG.warn("checkpoint optimizer state of {} is not finite; its moments are reset", params.get(i).getName());
                Arrays.fill(mf, 0f);
                Arrays.fill(vf, 0f);
            }
            NDArray mi = manager.create(mf, shape);
            NDArray vi = manager.create(vf, shape);
            m.set(i, mi).close();
            v.set(i, vi).close();
        }
    }

    private static boolean allFinite(float[] a) {
        for (float x : a) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(a.length * 4);
        b.asFloatBuffer().put(a);
        out.write(b.array());
    }

    private static float[] readFloats(DataInputStream in, long expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("checkpoint optimizer state of " + n + " values, expected " + expected);
        }
        byte[] bytes = new byte[n * 4];
        in.readFully(bytes);
        float[] a = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(a);
        return a;
    }
}
