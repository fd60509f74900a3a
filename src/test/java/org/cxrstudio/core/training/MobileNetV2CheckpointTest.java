package org.cxrstudio.core.training;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A mobilenetv2's checkpointed weights (convs, per-conv scale/shift, head, β) restore exactly, so its runs resume. */
class MobileNetV2CheckpointTest {

    @Test
    void weightsRoundTripThroughTheCheckpointFormat() throws Exception {
        try (StudentNet a = new StudentNet(new NnNetworks(), "mobilenetv2-0.25", 32, 1, 1);
             StudentNet b = new StudentNet(new NnNetworks(), "mobilenetv2-0.25", 32, 1, 2)) {
            // make scale/shift differ from their constant start, so that their restore is really tested
            for (Pair<String, Parameter> p : a.block().getParameters()) {
                float[] v = p.getValue().getArray().toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] += 0.01f * ((i * 7 + p.getKey().length()) % 13);
                }
                p.getValue().getArray().set(java.nio.FloatBuffer.wrap(v));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                a.saveParameters(out);
            }
            assertThat(values(b)).isNotEqualTo(values(a));
            b.loadParameters(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(values(b)).isEqualTo(values(a));
            float[] x = new float[2 * 32 * 32];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i * 0.1);
            }
            assertThat(b.predict(x, 2).logits()).containsExactly(a.predict(x, 2).logits());
            assertThat(b.trainable()).hasSameSizeAs(a.trainable());
        }
    }

    private static List<List<Float>> values(StudentNet n) {
        List<List<Float>> out = new ArrayList<>();
        for (Pair<String, Parameter> p : n.block().getParameters()) {
            List<Float> v = new ArrayList<>();
            for (float f : p.getValue().getArray().toFloatArray()) {
                v.add(f);
            }
            out.add(v);
        }
        return out;
    }
}
