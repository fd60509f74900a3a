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
        int w = 96;
        int h = 64;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 2 + y * 3) % 256;
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
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
