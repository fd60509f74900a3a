package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cxrstudio.core.dicom.Colourfulness;
import org.cxrstudio.core.dicom.DicomImage;
import org.cxrstudio.core.dicom.DicomReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour JPEG baseline in YBR_FULL / YBR_FULL_422 (what dcmcjpeg and most writers make of RGB)
 * through the whole reader: the grey image is the luma of the original RGB, and a grey picture
 * stored that way (a film exported as a colour secondary capture) is not taken for colour. Needs
 * dcmtk's img2dcm and dcmcjpeg.
 */
class YbrJpegReadTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+s2", "+s4"})
    void colourJpegGivesTheLumaOfTheOriginal(String sampling) throws Exception {
        Path rgb = ColourFixture.rgbDicom(tmp);
        DicomImage original = read(rgb);
        DicomImage jpeg = read(ybrJpeg(rgb, sampling));
        assertThat(meanAbsoluteDifference(original.pixels(), jpeg.pixels())).as("mean |grey difference|").isLessThan(3);
    }

    @Test
    void aGreyPictureStoredAsColourJpegIsGrey() throws Exception {
        Fixtures.requireTool("img2dcm");
        BufferedImage img = greyRamp();
        Path bmp = tmp.resolve("grey.bmp");
        Path dcm = tmp.resolve("grey.dcm");
        ImageIO.write(img, "bmp", bmp.toFile());
        Fixtures.run("img2dcm", "-i", "BMP", bmp.toString(), dcm.toString());
        DicomImage original = read(dcm);
        DicomImage jpeg = read(ybrJpeg(dcm, "+s2"));
        assertThat(meanAbsoluteDifference(original.pixels(), jpeg.pixels())).isLessThan(3);
        assertThat(Double.parseDouble(jpeg.metadata().get(Colourfulness.COLOURFULNESS_KEY)))
                .as("colourfulness of a grey picture in YCbCr (the gate refuses above 12)").isLessThan(2);
    }

    /**
     * A colour (JFIF, Y Cb Cr) JPEG wrapped as DICOM whose header says RGB, as some converters
     * write: read as the Y Cb Cr its markers say, the same grey as with the right header. The
     * file is img2dcm's with a JFIF APP0 segment put back after SOI of its one fragment.
     */
    @Test
    void anRgbHeaderOverAJfifStreamIsReadAsYcbcr() throws Exception {
        Fixtures.requireTool("img2dcm");
        Fixtures.requireTool("dcmodify");
        BufferedImage img = greyRamp();
        Path jpg = tmp.resolve("grey.jpg");
        Path right = tmp.resolve("right.dcm");
        Path wrong = tmp.resolve("wrong.dcm");
        ImageIO.write(img, "jpg", jpg.toFile());
        Fixtures.run("img2dcm", "-i", "JPEG", jpg.toString(), right.toString());   // drops the JFIF segment
        Files.write(wrong, withJfifSegment(Files.readAllBytes(right)));
        Fixtures.run("dcmodify", "-nb", "-m", "(0028,0004)=RGB", wrong.toString());
        assertThat(TestDicom.read(right).info().photometric()).isEqualTo("YBR_FULL_422");
        assertThat(TestDicom.read(wrong).info().photometric()).isEqualTo("RGB");
        DicomImage asLabelled = read(right);
        DicomImage mislabelled = read(wrong);
        assertThat(mislabelled.pixels()).isEqualTo(asLabelled.pixels());
        assertThat(Double.parseDouble(mislabelled.metadata().get(Colourfulness.COLOURFULNESS_KEY))).isLessThan(2);
    }

    @Test
    void jpegMarkersSayYcbcrOnlyForJfifOrAdobeTransformOne() {
        byte[] soi = {(byte) 0xFF, (byte) 0xD8};
        byte[] jfif = {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        byte[] adobe0 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] adobe1 = adobe0.clone();
        adobe1[15] = 1;
        byte[] sof = {(byte) 0xFF, (byte) 0xC0, 0, 8, 8, 0, 1, 0, 1, 1};
        assertThat(JpegDecoder.markedYcbcr(concat(soi, jfif, sof))).isTrue();
        assertThat(JpegDecoder.markedYcbcr(concat(soi, adobe1, sof))).isTrue();
        assertThat(JpegDecoder.markedYcbcr(concat(soi, jfif, adobe0, sof))).as("Adobe says no transform").isFalse();
        assertThat(JpegDecoder.markedYcbcr(concat(soi, sof))).as("no markers: the header decides").isFalse();
        assertThat(JpegDecoder.markedYcbcr(concat(soi, new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 99}))).as("truncated").isFalse();
        assertThat(JpegDecoder.markedYcbcr(new byte[] {1, 2, 3})).isFalse();
    }

    /** The file with an 18-byte JFIF APP0 segment after the first SOI, its fragment's length grown to match. */
    private static byte[] withJfifSegment(byte[] dcm) {
        byte[] app0 = {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        int soi = -1;
        for (int i = 8; i + 2 < dcm.length && soi < 0; i++) {
            if ((dcm[i] & 0xFF) == 0xFF && (dcm[i + 1] & 0xFF) == 0xD8 && (dcm[i + 2] & 0xFF) == 0xFF
                    && (dcm[i - 8] & 0xFF) == 0xFE && (dcm[i - 7] & 0xFF) == 0xFF && dcm[i - 6] == 0 && (dcm[i - 5] & 0xFF) == 0xE0) {
                soi = i;   // just after an item tag (FFFE,E000) and its length
            }
        }
        assertThat(soi).as("SOI of the first fragment").isPositive();
        java.nio.ByteBuffer length = java.nio.ByteBuffer.wrap(dcm, soi - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int grown = length.getInt(soi - 4) + app0.length;
        byte[] out = concat(java.util.Arrays.copyOf(dcm, soi + 2), app0, java.util.Arrays.copyOfRange(dcm, soi + 2, dcm.length));
        java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(soi - 4, grown);
        return out;
    }

    /** A 96x64 grey ramp in a three-channel picture (R = G = B). */
    private static BufferedImage greyRamp() {
        BufferedImage img = new BufferedImage(96, 64, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = (x * 2 + y * 3) % 256;
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path ybrJpeg(Path rgb, String sampling) throws Exception {
        Fixtures.requireTool("dcmcjpeg");
        Path out = tmp.resolve("ybr" + sampling.replace('+', '_') + ".dcm");
        Fixtures.run("dcmcjpeg", "+eb", sampling, rgb.toString(), out.toString());
        assertThat(TestDicom.read(out).info().photometric()).startsWith("YBR_FULL");
        return out;
    }

    private static DicomImage read(Path f) throws Exception {
        return DicomReader.read(Files.readAllBytes(f), f.getFileName().toString());
    }

    private static double meanAbsoluteDifference(int[] a, int[] b) {
        assertThat(a).hasSameSizeAs(b);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
