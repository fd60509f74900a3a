package org.cxrstudio.core.pretrained;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TfliteFileTest {

    @Test
    void readsTensorsOptionsAndDequantisesPerChannel() throws Exception {
        TfliteFile f = TfliteFile.parse(TinyTflite.build(3, 3), "tiny");
        assertThat(f.tensors()).hasSize(4);
        assertThat(f.operators()).hasSize(1);
        TfliteOperator op = f.operators().get(0);
        assertThat(op.builtinCode()).isEqualTo(TfliteOperator.CONV_2D);
        assertThat(op.inputs()).containsExactly(0, 1, 2);
        assertThat(op.options().samePadding()).isTrue();
        assertThat(op.options().activation()).isEqualTo(TfliteOptions.Activation.RELU6);
        TfliteTensor w = f.tensor(1);
        assertThat(w.name()).isEqualTo("weights");
        assertThat(w.type()).isEqualTo(TfliteTensor.ElementType.INT8);
        // channel 0: 0.5 * (q - 0); channel 1: 0.25 * (q - 1)
        assertThat(f.dequantize(w)).containsExactly(1f, -2f, 3f, 0f, 1f, -1f);
        assertThat(f.dequantize(f.tensor(2))).containsExactly(1f, -2f);
        assertThat(f.hasData(f.tensor(0))).isFalse();
        assertThatThrownBy(() -> f.dequantize(f.tensor(0))).isInstanceOf(PretrainedFormatException.class)
                .hasMessageContaining("no constant data");
    }

    @Test
    void resolvesOldAndNewOperatorCodeFields() throws Exception {
        assertThat(TfliteFile.parse(TinyTflite.build(3, -1), "old").operators().get(0).builtinCode()).isEqualTo(3);
        assertThat(TfliteFile.parse(TinyTflite.build(0, 3), "new").operators().get(0).builtinCode()).isEqualTo(3);
        assertThat(TfliteFile.parse(TinyTflite.build(127, 150), "ext").operators().get(0).builtinCode()).isEqualTo(150);
    }

    @Test
    void rejectsFilesThatAreNotTflite() {
        assertThatThrownBy(() -> TfliteFile.parse(new byte[3], "short")).isInstanceOf(PretrainedFormatException.class)
                .hasMessageContaining("too short");
        byte[] png = "\u0089PNG\r\n\u001a\n0000000000000000".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TfliteFile.parse(png, "x.png")).isInstanceOf(PretrainedFormatException.class)
                .hasMessageContaining("x.png").hasMessageContaining("TFL3");
    }

    @Test
    void everyTruncationFailsCleanly() {
        byte[] full = TinyTflite.build(3, 3);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(full, n);
            assertThatThrownBy(() -> TfliteFile.parse(cut, "cut")).as("truncated to %d of %d bytes", cut.length, full.length)
                    .isInstanceOf(PretrainedFormatException.class);
        }
    }

    @Test
    void randomBytesAndCorruptedBytesNeverEscapeAsOtherExceptions() {
        Random rnd = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[8 + rnd.nextInt(400)];
            rnd.nextBytes(junk);
            if (i % 2 == 0) {
                System.arraycopy("TFL3".getBytes(StandardCharsets.ISO_8859_1), 0, junk, 4, 4);
            }
            parseOrFormatError(junk);
        }
        byte[] good = TinyTflite.build(3, 3);
        for (int i = 0; i < 3000; i++) {
            byte[] bad = good.clone();
            for (int k = 0; k <= rnd.nextInt(4); k++) {
                bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
            }
            parseOrFormatError(bad);
        }
    }

    /** A corrupt file may happen to parse; it must not throw anything but the format exception. */
    static void parseOrFormatError(byte[] bytes) {
        try {
            TfliteFile f = TfliteFile.parse(bytes, "fuzz");
            for (TfliteTensor t : f.tensors()) {
                if (f.hasData(t)) {
                    f.dequantize(t);
                }
            }
        } catch (PretrainedFormatException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz");
        }
    }
}
