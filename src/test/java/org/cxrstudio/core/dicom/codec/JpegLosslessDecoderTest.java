package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Process 14 against dcmtk's {@code dcmdjpeg}, on the shared files and on dcmtk-made variants. */
class JpegLosslessDecoderTest {

    private static final String SV1_CHEST = "derived/RG1_from_J2KI_jpeg_lossless_sv1.dcm";

    @TempDir
    static Path shared;
    private static Path nativeChest;

    @BeforeAll
    static void decompressChestOnce() throws Exception {
        if (!Fixtures.hasTool("dcmdjpeg")) {
            return;
        }
        Path in = Fixtures.sharedData().resolve("dicom").resolve(SV1_CHEST);
        if (java.nio.file.Files.isRegularFile(in)) {
            nativeChest = shared.resolve("chest-native.dcm");
            Fixtures.run("dcmdjpeg", in.toString(), nativeChest.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"original/JPEG-LL.dcm", SV1_CHEST})
    void sharedFilesMatchDcmtk(String file, @TempDir Path tmp) throws Exception {
        assertMatchesDcmtk(Fixtures.dicom(file), tmp);
    }

    @ParameterizedTest(name = "selection value {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void everyPredictorOn15BitChestMatchesDcmtk(int sv, @TempDir Path tmp) throws Exception {
        Fixtures.dicom(SV1_CHEST);
        Fixtures.requireTool("dcmcjpeg");
        Path out = tmp.resolve("sv" + sv + ".dcm");
        Fixtures.run("dcmcjpeg", "+el", "+sv", String.valueOf(sv), nativeChest.toString(), out.toString());
        assertThat(TestDicom.read(out).transferSyntax()).isEqualTo("1.2.840.10008.1.2.4.57");
        assertMatchesDcmtk(out, tmp);
    }

    @ParameterizedTest(name = "point transform {0}")
    @ValueSource(ints = {1, 3})
    void pointTransformMatchesDcmtk(int pt, @TempDir Path tmp) throws Exception {
        Fixtures.dicom(SV1_CHEST);
        Fixtures.requireTool("dcmcjpeg");
        Path out = tmp.resolve("pt" + pt + ".dcm");
        Fixtures.run("dcmcjpeg", "+el", "+sv", "4", "+pt", String.valueOf(pt), nativeChest.toString(), out.toString());
        assertMatchesDcmtk(out, tmp);
    }

    @Test
    void eightBitMatchesDcmtk(@TempDir Path tmp) throws Exception {
        Path siim = Fixtures.dicom("original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm");
        Path plain = tmp.resolve("plain.dcm");
        Path out = tmp.resolve("ll8.dcm");
        Fixtures.run("dcmdjpeg", siim.toString(), plain.toString());
        Fixtures.run("dcmcjpeg", "+el", "+sv", "7", plain.toString(), out.toString());
        assertMatchesDcmtk(out, tmp);
    }

    @Test
    void truncatedStreamIsAClearError() throws Exception {
        TestDicom d = TestDicom.read(Fixtures.dicom("original/JPEG-LL.dcm"));
        byte[] frame = d.firstFrame();
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length / 2);
        assertThatThrownBy(() -> new JpegLosslessDecoder().decode(cut, d.info()))
                .isInstanceOf(CodecException.class).hasMessageContaining("ends early");
    }

    private static void assertMatchesDcmtk(Path file, Path tmp) throws Exception {
        TestDicom d = TestDicom.read(file);
        int[] ours = Codecs.forTransferSyntax(d.transferSyntax()).orElseThrow().decode(d.firstFrame(), d.info());
        int[] oracle = Fixtures.dcmtkFirstFrame(file, tmp);
        assertThat(Fixtures.firstDifference(ours, oracle)).as("first differing sample").isEqualTo(-1);
    }
}
