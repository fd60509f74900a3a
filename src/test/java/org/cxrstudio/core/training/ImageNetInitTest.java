package org.cxrstudio.core.training;

import org.cxrstudio.core.pretrained.MobileNetV2Weights;
import org.cxrstudio.core.training.nn.SameConv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --init}: ImageNet weights land bit-exactly in the network; a resume with another init is refused. */
class ImageNetInitTest {
    static final Path WEIGHTS = Path.of("..", "shared", "pretrained", "tf2_mobilenet_v2_1.0_224_ptq.tflite");

    @TempDir
    Path dir;

    /** The shared weights; the test is skipped, saying so, when they are absent. */
    static MobileNetV2Weights weights() throws IOException {
        assumeTrue(Files.isRegularFile(WEIGHTS), "ImageNet weights not found at " + WEIGHTS.toAbsolutePath()
                + " (../shared/pretrained is not part of the project)");
        return ImageNetInit.read(WEIGHTS);
    }

    @Test
    void loadsTheDequantisedWeightsBitExactlyAndTrains() throws Exception {
        MobileNetV2Weights w = weights();
        try (StudentNet net = new StudentNet(new NnNetworks(), "mobilenetv2", 64, 1, 3)) {
            ImageNetInit.apply(w, net.block());
            List<SameConv> convs = ImageNetInit.convolutions(net.block());
            assertThat(convs).hasSize(MobileNetV2Weights.CONVOLUTIONS);
            for (int i = 0; i < convs.size(); i++) {
                MobileNetV2Weights.Conv tc = w.convolutions().get(i);
                float[] expected = tc.weights();
                if (i == 0) { // stem: sum over R, G, B, then halved
                    int kk = tc.kernel() * tc.kernel();
                    expected = new float[tc.outChannels() * kk];
                    for (int o = 0; o < tc.outChannels(); o++) {
                        for (int k = 0; k < kk; k++) {
                            float sum = 0;
                            for (int c = 0; c < 3; c++) {
                                sum += tc.weights()[(o * 3 + c) * kk + k];
                            }
                            expected[o * kk + k] = sum * 0.5f;
                        }
                    }
                }
                SameConv sc = convs.get(i);
                assertThat(sc.conv().getParameters().get("weight").getArray().toFloatArray()).as("conv %d", i)
                        .containsExactly(expected);
                assertThat(sc.shift().getArray().toFloatArray()).as("bias %d", i).containsExactly(tc.bias());
                for (float s : sc.scale().getArray().toFloatArray()) {
                    assertThat(s).isEqualTo(1f);
                }
            }
            // one training step through pads, depthwise convs and ReLU6 runs and changes the weights
            AdamW opt = new AdamW(net.trainable(), net.manager(), 1e-4f);
            TrainingStep step = new TrainingStep(net, opt, new TrainingStep.Weights(0.5, 2, 1, 0));
            Random rnd = new Random(1);
            float[] x = new float[2 * 64 * 64];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            float loss = step.run(new BatchAssembler.Data(2, x, new float[] {0, 1}, new float[] {1, 1},
                    null, null, null, null, null), 1e-3f);
            assertThat(loss).isFinite();
            assertThat(convs.get(1).shift().getArray().toFloatArray()).isNotEqualTo(w.convolutions().get(1).bias());
        }
    }

    /** A cut mobilenetv2-s5 gets the file's first convolutions bit-exactly; its own last 1×1 conv stays random. */
    @Test
    void aCutNetworkStartsFromTheFilesFirstConvolutions() throws Exception {
        MobileNetV2Weights w = weights();
        try (StudentNet net = new StudentNet(new NnNetworks(), "mobilenetv2-s5", 64, 1, 3)) {
            List<SameConv> convs = ImageNetInit.convolutions(net.block());
            float[] lastBefore = convs.get(convs.size() - 1).conv().getParameters().get("weight").getArray().toFloatArray();
            int copied = ImageNetInit.apply(w, net.block());
            // stem + 13 blocks (stages 1-5: 1 + 2 + 3 + 4 + 3; the first has no expand conv) + last conv
            assertThat(convs).hasSize(1 + (2 + 12 * 3) + 1);
            assertThat(copied).isEqualTo(convs.size() - 1);
            for (int i = 1; i < copied; i++) {
                assertThat(convs.get(i).conv().getParameters().get("weight").getArray().toFloatArray()).as("conv %d", i)
                        .containsExactly(w.convolutions().get(i).weights());
                assertThat(convs.get(i).shift().getArray().toFloatArray()).containsExactly(w.convolutions().get(i).bias());
            }
            SameConv last = convs.get(convs.size() - 1);
            assertThat(last.filters()).isEqualTo(384);
            assertThat(last.conv().getParameters().get("weight").getArray().toFloatArray()).containsExactly(lastBefore);
        }
        assertThatCode(() -> ImageNetInit.checkArch("mobilenetv2-s5", 160)).doesNotThrowAnyException();
    }

    @Test
    void initNeedsTheWidthOneMobileNetV2() {
        assertThatThrownBy(() -> ImageNetInit.checkArch("student-s", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--arch mobilenetv2");
        assertThatThrownBy(() -> ImageNetInit.checkArch("mobilenetv2-0.5", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mobilenetv2-0.5");
        assertThatCode(() -> ImageNetInit.checkArch("mobilenetv2", 224)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ImageNetInit.read(dir.resolve("missing.tflite")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("missing.tflite");
    }

    @Test
    void notATfliteFileIsAClearError() throws Exception {
        Path bad = dir.resolve("bad.tflite");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThatThrownBy(() -> ImageNetInit.read(bad))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("bad.tflite").hasMessageContaining("not ImageNet");
    }

    @Test
    void resumeWithAnotherInitThanTheCheckpointsIsRefused() {
        Checkpoints ckpt = new Checkpoints(dir);
        Path f = dir.resolve("other.tflite");
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        assertThatThrownBy(() -> Trainer.checkInit(ckpt, a, b, f)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(a).hasMessageContaining(b).hasMessageContaining("other.tflite");
        assertThatThrownBy(() -> Trainer.checkInit(ckpt, null, b, f)).hasMessageContaining("random start");
        assertThatThrownBy(() -> Trainer.checkInit(ckpt, a, null, null)).hasMessageContaining("no --init");
        assertThatCode(() -> Trainer.checkInit(ckpt, a, a, f)).doesNotThrowAnyException();
        assertThatCode(() -> Trainer.checkInit(ckpt, null, null, null)).doesNotThrowAnyException();
    }
}
