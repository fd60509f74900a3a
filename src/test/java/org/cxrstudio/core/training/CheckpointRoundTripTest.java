package org.cxrstudio.core.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    /** Each corruption of a saved {@code last.ckpt} / {@code best.params}: one line naming the file. */
    @Test
    void corruptCheckpointsAreNamedNotACrash() throws Exception {
        try (StudentNet a = new StudentNet(new TinyNetworks(), "tiny", 32, 1.0, 1)) {
            AdamW oa = new AdamW(a.trainable(), a.manager(), 0f);
            Checkpoints ck = new Checkpoints(tmp);
            ck.save(new RunState(), a, oa);
            ck.saveBest(a);
            byte[] good = Files.readAllBytes(ck.last());
            int at = 2 + "CXR-CKPT-1".length(); // the run-state length follows the magic (writeUTF)
            byte[][] bad = {
                patchInt(good, at, 0x7FFF_FFF0), // would allocate 2 GB
                patchInt(good, at, -5),
                Arrays.copyOf(good, good.length / 2),
                Arrays.copyOf(good, at + 2),
                new byte[0],
            };
            for (int i = 0; i < bad.length; i++) {
                Files.write(ck.last(), bad[i]);
                if (i != 2) { // the half file still has its whole run state
                    assertThatThrownBy(ck::readState).isInstanceOf(IOException.class)
                            .hasMessageStartingWith(ck.last() + ": corrupt checkpoint (")
                            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("(null)"));
                }
                assertThatThrownBy(() -> ck.load(a, oa)).isInstanceOf(IOException.class)
                        .hasMessageStartingWith(ck.last() + ": corrupt checkpoint (")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("(null)"));
            }
            byte[] best = Files.readAllBytes(ck.best());
            Files.write(ck.best(), Arrays.copyOf(best, best.length / 3));
            assertThatThrownBy(() -> ck.loadBest(a)).isInstanceOf(IOException.class)
                    .hasMessage(ck.best() + ": corrupt checkpoint (truncated)");
        }
    }

    private static byte[] patchInt(byte[] b, int at, int v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).putInt(at, v);
        return c;
    }
}
