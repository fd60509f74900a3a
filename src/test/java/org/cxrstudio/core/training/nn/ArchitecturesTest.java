package org.cxrstudio.core.training.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The teacher family is torchvision-shaped: its parameter count equals torchvision's published
 * count for the same depth, minus the 1000-class fully connected layer, with a 1-channel
 * instead of a 3-channel 7×7 stem, plus our head (1×1 conv C→1 with bias) and one LSE-LBA β.
 */
class ArchitecturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // torchvision total, fc in-features, feature channels at the head
            "resnet18, 11689512, 512",
            "resnet34, 21797672, 512",
            "resnet50, 25557032, 2048",
    })
    void resnetsMatchTorchvisionParameterCounts(String arch, long torchvisionTotal, int features) {
        long fc = features * 1000L + 1000;
        long stem3to1 = 64 * 7 * 7 * 3 - 64 * 7 * 7;
        long expected = torchvisionTotal - fc - stem3to1 + (features + 1) + 1;
        assertThat(countParams(Architectures.preset(arch, 64))).isEqualTo(expected);
    }

    /**
     * torchvision's mobilenet_v2 has 3,504,872 parameters, of which the classifier is
     * 1280·1000 + 1000; its batch-norm γ/β correspond one to one to our per-conv scale/shift; the
     * stem sees 1 channel instead of 3 (32·3·3·2 fewer); plus our head (1280 + 1) and one β.
     */
    @Test
    void mobilenetV2MatchesTorchvisionParameterCountAndGivesAStride32Cam() {
        long expected = 3_504_872L - (1280 * 1000 + 1000) - 32 * 3 * 3 * 2 + 1281 + 1;
        assertThat(countParams(Architectures.preset("mobilenetv2", 64))).isEqualTo(expected);
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            ArchSpec spec = Architectures.preset("mobilenetv2-0.35", 100);
            assertThat(spec.camSize()).isEqualTo(4); // 100 → 50 → 25 → 13 → 7 → 4 (SAME rounds up)
            TbNet net = Architectures.build(spec);
            net.initialize(manager, DataType.FLOAT32, Architectures.inputShape(spec, 1));
            NDList out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(2, 1, 100, 100))), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 1));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 1, 4, 4));
        }
        assertThat(Architectures.preset("mobilenetv2-1.0", 224).name()).isEqualTo("mobilenetv2");
        assertThat(Architectures.preset("mobilenetv2-0.5", 224).stemWidth()).isEqualTo(16);
        assertThatThrownBy(() -> Architectures.preset("mobilenetv2-9", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.25..2");
        assertThatThrownBy(() -> Architectures.preset("mobilenetv2-x", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width multiplier");
    }

    /** mobilenetv2-sK: the first K stages at width 1, a last 1×1 conv to 4× the last stage's channels. */
    @Test
    void cutMobileNetV2KeepsItsFirstStages() {
        ArchSpec s5 = Architectures.preset("mobilenetv2-s5", 160);
        assertThat(s5.name()).isEqualTo("mobilenetv2-s5");
        assertThat(s5.widths()).containsExactly(16, 24, 32, 64, 96, 384);
        assertThat(s5.depths()).containsExactly(1, 2, 3, 4, 3, 1);
        assertThat(s5.outputStride()).isEqualTo(16);
        assertThat(s5.camSize()).isEqualTo(10); // 160 → 80 → 40 → 20 → 10
        assertThat(Architectures.preset("mobilenetv2-s6", 160).outputStride()).isEqualTo(32);
        assertThat(Architectures.preset("mobilenetv2-s3", 160).camSize()).isEqualTo(20);
        // stem 32·9 + 2·32; per block [expand in·6in + 2·6in] + depthwise 6in·9 + 2·6in + project 6in·out + 2·out
        // (stage 1: t = 1, no expand); last conv 96·384 + 2·384; head 384 + 1; β 1 (summed by hand: 579,970)
        assertThat(countParams(Architectures.preset("mobilenetv2-s5", 64))).isEqualTo(579_970L);
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            TbNet net = Architectures.build(s5.withInputSize(96));
            net.initialize(manager, DataType.FLOAT32, Architectures.inputShape(s5.withInputSize(96), 1));
            NDList out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(2, 1, 96, 96))), false);
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 1, 6, 6));
        }
        assertThatThrownBy(() -> Architectures.preset("mobilenetv2-s7", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3..6");
        assertThatThrownBy(() -> Architectures.preset("mobilenetv2-s2", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3..6");
        assertThatThrownBy(() -> Architectures.preset("mobilenetv2-sx", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage count");
    }

    @Test
    void studentPresetsGrowInSizeAndGiveAStride16Cam() {
        long xs = countParams(Architectures.preset("student-xs", 64));
        long s = countParams(Architectures.preset("student-s", 64));
        long m = countParams(Architectures.preset("student-m", 64));
        assertThat(xs).isBetween(40_000L, 80_000L);
        assertThat(s).isBetween(200_000L, 300_000L);
        assertThat(m).isBetween(900_000L, 1_300_000L);
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            ArchSpec spec = Architectures.preset("student-s", 256);
            TbNet net = Architectures.build(spec);
            net.initialize(manager, DataType.FLOAT32, Architectures.inputShape(spec, 1));
            NDList out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(2, 1, 256, 256))), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 1));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 1, 16, 16));
        }
    }

    @Test
    void unknownPresetOrSizeIsAClearError() {
        assertThatThrownBy(() -> Architectures.preset("resnet19", 224))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known:");
        assertThatThrownBy(() -> Architectures.preset("student-s", 8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long countParams(ArchSpec spec) {
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            TbNet net = Architectures.build(spec);
            net.initialize(manager, DataType.FLOAT32, Architectures.inputShape(spec, 1));
            return Architectures.trainableParameters(net);
        }
    }

}
