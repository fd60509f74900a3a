package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cxrstudio.core.dicom.Colourfulness;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour is measured by the readers before the conversion to gray, and the gate refuses it. */
class ColourRuleTest {
    @TempDir
    Path dir;

    private final InputGate gate = InputGate.headerRulesOnly();

    /** Sky above grass with a red object: a caricature of a photograph. */
    private static BufferedImage photo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int b;
                if (Math.hypot(x - w / 2.0, y - h / 2.0) < w / 6.0) {
                    r = 200; g = 40; b = 30;
                } else if (y < h / 2) {
                    r = 110; g = 160; b = 230;
                } else {
                    r = 60; g = 150; b = 50;
                }
                int n = rnd.nextInt(15);
                img.setRGB(x, y, (r + n) << 16 | (g + n) << 8 | (b + n));
            }
        }
        return img;
    }

    /** A gray film stored as RGB (R=G=B), as screenshots and some JPEG exports are. */
    private static BufferedImage grayAsRgb(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) (128 + 80 * Math.sin(x / 20.0) * Math.cos(y / 15.0));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    @Test
    void colourPhotoPngIsRefusedAsColour() throws Exception {
        Path p = dir.resolve("photo.png");
        ImageIO.write(photo(400, 300), "png", p.toFile());
        Radiograph r = RadiographReader.read(p);
        double m = Double.parseDouble(r.metadata().get(Colourfulness.COLOURFULNESS_KEY));
        assertThat(m).isGreaterThan(30);
        GateDecision d = gate.check(r);
        assertThat(d.reason()).contains(RefusalReason.COLOUR_IMAGE);
        assertThat(d.message()).startsWith("Colour image: chest radiographs are grey");
    }

    @Test
    void colourPhotoJpegIsRefusedAsColour() throws Exception {
        Path p = dir.resolve("photo.jpg");
        ImageIO.write(photo(400, 300), "jpeg", p.toFile());
        assertThat(gate.check(RadiographReader.read(p)).reason()).contains(RefusalReason.COLOUR_IMAGE);
    }

    @Test
    void grayFilmSavedAsRgbJpegIsNotColour() throws Exception {
        Path p = dir.resolve("film.jpg");
        ImageIO.write(grayAsRgb(400, 400), "jpeg", p.toFile());
        Radiograph r = RadiographReader.read(p);
        GateDecision d = gate.check(r);
        assertThat(d.accepted()).as(d.message()).isTrue();
        assertThat(d.measures().get("colourfulness")).isLessThan(3.0);
    }

    @Test
    void grayPngCarriesNoColourMeasure() throws Exception {
        BufferedImage g = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        Path p = dir.resolve("g.png");
        ImageIO.write(g, "png", p.toFile());
        assertThat(RadiographReader.read(p).metadata()).doesNotContainKey(Colourfulness.COLOURFULNESS_KEY);
    }

    @Test
    void rgbDicomSecondaryCaptureIsRefusedAsColour() throws Exception {
        BufferedImage img = photo(300, 300);
        byte[] px = new byte[300 * 300 * 3];
        for (int i = 0; i < 300 * 300; i++) {
            int rgb = img.getRGB(i % 300, i / 300);
            px[3 * i] = (byte) (rgb >> 16);
            px[3 * i + 1] = (byte) (rgb >> 8);
            px[3 * i + 2] = (byte) rgb;
        }
        byte[] dcm = new DicomWriter()
                .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7")
                .string(Tags.SOP_INSTANCE_UID, "UI", "2.25.77")
                .string(Tags.MODALITY, "CS", "OT")
                .us(Tags.SAMPLES_PER_PIXEL, 3).string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "RGB")
                .us(Tags.PLANAR_CONFIGURATION, 0)
                .us(Tags.ROWS, 300).us(Tags.COLUMNS, 300).us(Tags.BITS_ALLOCATED, 8).us(Tags.BITS_STORED, 8)
                .us(Tags.HIGH_BIT, 7).us(Tags.PIXEL_REPRESENTATION, 0).raw(Tags.PIXEL_DATA, "OB", px)
                .toBytes("1.2.840.10008.1.2.1");
        Path f = Files.write(dir.resolve("sc.dcm"), dcm);
        Radiograph r = RadiographReader.read(f);
        assertThat(r.metadata()).containsKey(Colourfulness.COLOURFULNESS_KEY);
        assertThat(gate.check(r).reason()).contains(RefusalReason.COLOUR_IMAGE);
    }

    @Test
    void ybrPixelsAreMeasuredAfterConversionToRgb() {
        Colourfulness gray = new Colourfulness(255);
        Colourfulness red = new Colourfulness(255);
        for (int i = 0; i < 100; i++) {
            gray.addYbr(100 + i, 128, 128, 255); // Cb = Cr = 128: no chroma
            red.addYbr(80, 90, 240, 255);        // strong red
        }
        assertThat(gray.colourfulness()).isLessThan(1.0);
        assertThat(red.colourPixelFraction()).isEqualTo(1.0);
        assertThat(red.colourfulness()).isGreaterThan(30);
    }
}
