package org.cxrstudio.core.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CheckpointRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void savedWeightsAndStatePredictIdentically() throws Exception {
        float[] x = new float[4 * 32 * 32];
        Random r = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        try (StudentNet a = new StudentNet(new TinyNetworks(), "tiny", 32, 1.0, 1);
             StudentNet b = new StudentNet(new TinyNetworks(), "tiny", 32, 1.0, 2)) {
            AdamW oa = new AdamW(a.trainable(), a.manager(), 0f);
            // change batch-norm statistics with a training forward
            try (var sub = a.manager().newSubManager()) {
                a.forward(new ai.djl.ndarray.NDList(sub.create(x, new ai.djl.ndarray.types.Shape(4, 1, 32, 32))), true);
            }
            RunState s = new RunState();
            s.epoch = 3;
            Checkpoints ck = new Checkpoints(tmp);
            ck.save(s, a, oa);
            AdamW ob = new AdamW(b.trainable(), b.manager(), 0f);
            assertThat(ck.load(b, ob).epoch).isEqualTo(3);
            assertThat(b.predict(x, 4).probability()).containsExactly(a.predict(x, 4).probability(), within(1e-6f));
        }
    }
}
