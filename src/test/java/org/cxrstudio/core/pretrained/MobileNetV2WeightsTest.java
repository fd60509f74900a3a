package org.cxrstudio.core.pretrained;

import org.cxrstudio.core.pretrained.MobileNetV2Weights.Conv;
import org.cxrstudio.core.pretrained.MobileNetV2Weights.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobileNetV2WeightsTest {

    @ParameterizedTest
    @ValueSource(strings = {SharedPretrained.INT8, SharedPretrained.UINT8})
    void readsTheStandardOutline(String name) throws Exception {
        MobileNetV2Weights w = MobileNetV2Weights.read(SharedPretrained.tflite(name));
        assertThat(w.convolutions()).hasSize(52);
        Conv stem = w.stem();
        assertThat(stem.kind()).isEqualTo(Kind.FULL);
        assertThat(new int[] {stem.inChannels(), stem.outChannels(), stem.kernel(), stem.stride()}).containsExactly(3, 32, 3, 2);
        assertThat(w.convolutions().stream().filter(c -> c.kind() == Kind.DEPTHWISE).count()).isEqualTo(17);
        assertThat(w.convolutions().stream().filter(Conv::residual).map(Conv::block))
                .containsExactly(2, 4, 5, 7, 8, 9, 11, 12, 14, 15);
        assertThat(w.convolutions().stream().mapToInt(Conv::stride).filter(s -> s == 2).count()).isEqualTo(5);
        Conv head = w.convolutions().get(51);
        assertThat(head.outChannels()).isEqualTo(1280);
        assertThat(head.block()).isEqualTo(-1);
        assertThat(w.logits().inChannels()).isEqualTo(1280);
        assertThat(w.logits().outChannels()).isEqualTo(1001);
        assertThat(w.sourceSha256()).isEqualTo(org.cxrstudio.core.io.Sha256.of(Files.readAllBytes(SharedPretrained.tflite(name))));
        for (int i = 0; i < 52; i++) {
            Conv c = w.convolutions().get(i);
            for (float v : c.weights()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            boolean projection = c.block() >= 0 && w.convolutions().get(i + 1).block() != c.block();
            assertThat(c.relu6()).as("conv %d linear iff it closes a block", i).isEqualTo(!projection);
        }
        assertThat(w.inputScale() * (255 - w.inputZeroPoint())).isBetween(0.99, 1.01);
        assertThat(w.inputScale() * (0 - w.inputZeroPoint())).isBetween(-1.01, -0.99);
    }

    @Test
    void greyStemIsTheRgbStemSummedOverChannels() throws Exception {
        MobileNetV2Weights w = MobileNetV2Weights.read(SharedPretrained.tflite(SharedPretrained.INT8));
        MobileNetV2Weights g = w.greyStem();
        Conv rgb = w.stem();
        Conv grey = g.stem();
        assertThat(grey.inChannels()).isEqualTo(1);
        // output 5, tap (1, 2): sum over the three input channels, layout [out, in, k, k]
        float expected = 0;
        for (int c = 0; c < 3; c++) {
            expected += rgb.weights()[((5 * 3 + c) * 3 + 1) * 3 + 2];
        }
        assertThat(grey.weights()[(5 * 3 + 1) * 3 + 2]).isEqualTo(expected);
        assertThat(g.convolutions().subList(1, 52)).isEqualTo(w.convolutions().subList(1, 52));
    }

    @ParameterizedTest
    @CsvSource({"224,3,2,0,1", "112,3,1,1,1", "7,3,2,1,1", "14,1,1,0,0", "8,3,2,0,1"})
    void samePaddingPutsTheExtraPixelAfter(int size, int kernel, int stride, int before, int after) {
        assertThat(MobileNetV2Weights.samePadding(size, kernel, stride)).containsExactly(before, after);
    }

    @Test
    void truncatedOrCorruptedRealFilesFailCleanly() throws Exception {
        byte[] full = Files.readAllBytes(SharedPretrained.tflite(SharedPretrained.UINT8));
        // the last ~22 kB are a zip of labels appended after the flatbuffer (TFLite metadata), not read
        for (int n : new int[] {0, 7, 100, 5_000, full.length / 2, full.length - 25_000}) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> MobileNetV2Weights.from(TfliteFile.parse(cut, "cut")))
                    .as("%d bytes", n).isInstanceOf(PretrainedFormatException.class);
        }
        Random rnd = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] bad = full.clone();
            int at = rnd.nextInt(20_000); // the tables sit after the weights; hit both ends
            bad[i % 2 == 0 ? at : bad.length - 1 - at] ^= (byte) (1 + rnd.nextInt(255));
            try {
                MobileNetV2Weights.from(TfliteFile.parse(bad, "fuzz"));
            } catch (PretrainedFormatException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz");
            }
        }
    }

    @Test
    void aModelThatIsNotMobileNetV2IsRejected() throws Exception {
        TfliteFile tiny = TfliteFile.parse(TinyTflite.build(3, 3), "tiny");
        assertThatThrownBy(() -> MobileNetV2Weights.from(tiny)).isInstanceOf(PretrainedFormatException.class)
                .hasMessageContaining("tiny");
        assertThatThrownBy(() -> MobileNetV2Weights.read(Path.of("no-such.tflite")))
                .isInstanceOf(PretrainedFormatException.class).hasMessageContaining("no such file");
    }
}
