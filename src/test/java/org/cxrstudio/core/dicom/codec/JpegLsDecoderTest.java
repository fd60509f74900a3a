package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JPEG-LS against dcmtk's {@code dcmdjpls}, on the shared file and on dcmcjpls-made variants. */
class JpegLsDecoderTest {

    private static final String LS_CHEST = "derived/RG1_from_J2KI_jpegls_lossless.dcm";
    private static final String SIIM = "original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm";

    @TempDir
    static Path shared;
    private static Path chest16;
    private static Path chest8;

    @BeforeAll
    static void decompressOnce() throws Exception {
        Path data = Fixtures.sharedData().resolve("dicom");
        if (!Fixtures.hasTool("dcmdjpls") || !Files.isRegularFile(data.resolve(LS_CHEST))) {
            return;
        }
        chest16 = shared.resolve("chest16.dcm");
        chest8 = shared.resolve("chest8.dcm");
        Fixtures.run("dcmdjpls", data.resolve(LS_CHEST).toString(), chest16.toString());
        Fixtures.run("dcmdjpeg", data.resolve(SIIM).toString(), chest8.toString());
    }

    @Test
    void sharedLosslessChestMatchesDcmtk(@TempDir Path tmp) throws Exception {
        assertMatchesDcmtk(Fixtures.dicom(LS_CHEST), tmp);
    }

    @ParameterizedTest(name = "NEAR {0}")
    @ValueSource(ints = {1, 2, 7})
    void nearLossless15BitMatchesDcmtk(int near, @TempDir Path tmp) throws Exception {
        assertMatchesDcmtk(encode(chest16(), tmp, "+en", "+md", String.valueOf(near)), tmp);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+el", "+en"})
    void eightBitMatchesDcmtk(String mode, @TempDir Path tmp) throws Exception {
        chest16();
        assertMatchesDcmtk(encode(chest8, tmp, mode), tmp);
    }

    @Test
    void presetParametersFromLseMatchDcmtk(@TempDir Path tmp) throws Exception {
        Path out = encode(chest16(), tmp, "+t1", "30", "+t2", "100", "+t3", "400", "+rs", "32");
        assertMatchesDcmtk(out, tmp);
        assertMatchesDcmtk(encode(chest16(), tmp, "+en", "+md", "3", "+t1", "9", "+t2", "40", "+t3", "300"), tmp);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+il", "+in"})
    void colourMatchesDcmtk(String interleave, @TempDir Path tmp) throws Exception {
        chest16();
        Path rgb = ColourFixture.rgbDicom(tmp);
        assertMatchesDcmtk(encode(rgb, tmp, interleave), tmp);
    }

    @Test
    void sampleInterleaveIsRefusedClearly(@TempDir Path tmp) throws Exception {
        chest16();
        Path out = encode(ColourFixture.rgbDicom(tmp), tmp, "+is");
        TestDicom d = TestDicom.read(out);
        assertThatThrownBy(() -> new JpegLsDecoder().decode(d.firstFrame(), d.info()))
                .isInstanceOf(CodecException.class).hasMessageContaining("ILV 2");
    }

    @Test
    void truncatedStreamIsAClearError() throws Exception {
        TestDicom d = TestDicom.read(Fixtures.dicom(LS_CHEST));
        byte[] frame = d.firstFrame();
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length / 3);
        assertThatThrownBy(() -> new JpegLsDecoder().decode(cut, d.info()))
                .isInstanceOf(CodecException.class).hasMessageContaining("JPEG-LS");
    }

    private static Path chest16() {
        Fixtures.dicom(LS_CHEST);
        Fixtures.requireTool("dcmcjpls");
        return chest16;
    }

    private static Path encode(Path in, Path tmp, String... options) throws Exception {
        Path out = Files.createTempFile(tmp, "ls", ".dcm");
        List<String> cmd = new ArrayList<>(List.of("dcmcjpls"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(in.toString(), out.toString()));
        Fixtures.run(cmd.toArray(String[]::new));
        return out;
    }

    private static void assertMatchesDcmtk(Path file, Path tmp) throws Exception {
        TestDicom d = TestDicom.read(file);
        assertThat(d.transferSyntax()).startsWith("1.2.840.10008.1.2.4.8");
        int[] ours = Codecs.forTransferSyntax(d.transferSyntax()).orElseThrow().decode(d.firstFrame(), d.info());
        int[] oracle = Fixtures.dcmtkFirstFrame(file, tmp);
        assertThat(Fixtures.firstDifference(ours, oracle)).as("first differing sample").isEqualTo(-1);
    }
}
