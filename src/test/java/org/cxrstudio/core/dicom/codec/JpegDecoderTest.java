package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegDecoderTest {

    private static final String SIIM =
            "original/SIIM_1.2.276.0.7230010.3.1.4.8323329.6904.1517875201.850819.dcm";

    @ParameterizedTest
    @ValueSource(strings = {SIIM, "original/Fake_MONOHR1.dcm"})
    void baselineMatchesDcmtk(String file, @TempDir Path tmp) throws Exception {
        Path in = Fixtures.dicom(file);
        TestDicom d = TestDicom.read(in);
        assertThat(d.transferSyntax()).isEqualTo("1.2.840.10008.1.2.4.50");
        int[] ours = Codecs.forTransferSyntax(d.transferSyntax()).orElseThrow().decode(d.firstFrame(), d.info());
        assertThat(Fixtures.firstDifference(ours, Fixtures.dcmtkFirstFrame(in, tmp))).isEqualTo(-1);
    }

    @Test
    void extended8BitMatchesDcmtk(@TempDir Path tmp) throws Exception {
        Path in = Fixtures.dicom(SIIM);
        Path ext = tmp.resolve("ext.dcm");
        Path plain = tmp.resolve("plain.dcm");
        Fixtures.run("dcmdjpeg", in.toString(), plain.toString());
        Fixtures.run("dcmcjpeg", "+ee", "+q", "75", plain.toString(), ext.toString());
        TestDicom d = TestDicom.read(ext);
        int[] ours = Codecs.forTransferSyntax(d.transferSyntax()).orElseThrow().decode(d.firstFrame(), d.info());
        assertThat(Fixtures.firstDifference(ours, Fixtures.dcmtkFirstFrame(ext, tmp))).isEqualTo(-1);
    }

    @Test
    void twelveBitExtendedIsRefusedClearly(@TempDir Path tmp) throws Exception {
        Path in = Fixtures.dicom("derived/RG1_from_J2KI_jpeg_lossless_sv1.dcm");
        Path plain = tmp.resolve("plain.dcm");
        Path ext = tmp.resolve("ext12.dcm");
        Fixtures.run("dcmdjpeg", in.toString(), plain.toString());
        Fixtures.run("dcmcjpeg", "+ee", "+bt", plain.toString(), ext.toString());
        TestDicom d = TestDicom.read(ext);
        assertThatThrownBy(() -> new JpegDecoder().decode(d.firstFrame(), d.info()))
                .isInstanceOf(CodecException.class).hasMessageContaining("12-bit extended JPEG is not supported");
    }

    @Test
    void sizeMismatchAndGarbageAreClearErrors() throws Exception {
        Path in = Fixtures.dicom(SIIM);
        TestDicom d = TestDicom.read(in);
        FrameInfo wrong = new FrameInfo(512, 512, 1, 8, 8, false, "MONOCHROME2", 0);
        assertThatThrownBy(() -> new JpegDecoder().decode(d.firstFrame(), wrong))
                .isInstanceOf(CodecException.class).hasMessageContaining("dataset says 512x512");
        assertThatThrownBy(() -> new JpegDecoder().decode(new byte[] {1, 2, 3, 4, 5}, d.info()))
                .isInstanceOf(CodecException.class).hasMessageContaining("SOI");
    }
}
