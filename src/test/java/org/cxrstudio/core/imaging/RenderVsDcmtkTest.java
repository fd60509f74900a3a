package org.cxrstudio.core.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.cxrstudio.core.dicom.Dcmtk;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The display pipeline against dcmtk's {@code dcm2pnm} (modality LUT, VOI window or VOI LUT,
 * MONOCHROME1 inversion, 8-bit output): at most 1 grey level apart, pixel by pixel.
 */
class RenderVsDcmtkTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needDcmtk() {
        assumeTrue(Dcmtk.available(), "dcmtk not installed: skipping");
    }

    static DicomWriter phantom(String photometric, int bits, boolean signed) {
        double[] v = ChestPhantom.generate(128, 5);
        int max = (1 << bits) - 1;
        int[] px = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            int s = (int) Math.round(v[i] * max);
            px[i] = signed ? s - (1 << (bits - 1)) : s;
        }
        return new DicomWriter().string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.1")
                .string(Tags.MODALITY, "CS", "CR").us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric).us(Tags.ROWS, 128).us(Tags.COLUMNS, 128)
                .us(Tags.BITS_ALLOCATED, 16).us(Tags.BITS_STORED, bits).us(Tags.HIGH_BIT, bits - 1)
                .us(Tags.PIXEL_REPRESENTATION, signed ? 1 : 0).pixels16(px);
    }

    private int maxDiff(DicomWriter w, WindowLevel ours, String... dcmtkOptions) throws IOException {
        Path f = Files.write(dir.resolve("f.dcm"), w.toBytes(TransferSyntax.EXPLICIT_LE));
        Path png = dir.resolve("f.png");
        List<String> cmd = new java.util.ArrayList<>(List.of("dcm2pnm", "+on"));
        cmd.addAll(List.of(dcmtkOptions));
        cmd.add(f.toString());
        cmd.add(png.toString());
        Dcmtk.run(cmd.toArray(String[]::new));
        BufferedImage oracle = ImageIO.read(png.toFile());
        GrayImage g = DisplayPipeline.render(RadiographReader.read(f), ours, false);
        int max = 0;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                max = Math.max(max, Math.abs(g.at(x, y) - oracle.getRaster().getSample(x, y, 0)));
            }
        }
        return max;
    }

    @Test
    void storedWindowOnMonochrome1() throws IOException {
        DicomWriter w = phantom("MONOCHROME1", 12, false).string(Tags.WINDOW_CENTER, "DS", "1500")
                .string(Tags.WINDOW_WIDTH, "DS", "2000");
        assertThat(maxDiff(w, null, "+Wi", "1")).isLessThanOrEqualTo(1);
    }

    @Test
    void explicitWindowOnMonochrome2With16Bits() throws IOException {
        assertThat(maxDiff(phantom("MONOCHROME2", 16, false), new WindowLevel(30000, 20000), "+Ww", "30000", "20000"))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void rescaleThenWindowOnSignedData() throws IOException {
        DicomWriter w = phantom("MONOCHROME2", 12, true).string(Tags.RESCALE_SLOPE, "DS", "2")
                .string(Tags.RESCALE_INTERCEPT, "DS", "-1000");
        assertThat(maxDiff(w, new WindowLevel(-500, 3000), "+Ww", "-500", "3000")).isLessThanOrEqualTo(1);
    }

    @Test
    void voiLut() throws IOException {
        int[] table = new int[4096];
        for (int i = 0; i < table.length; i++) {
            table[i] = (int) Math.round(4095 * Math.sqrt(i / 4095.0)); // a gamma-like curve
        }
        byte[] data = new byte[table.length * 2];
        for (int i = 0; i < table.length; i++) {
            data[2 * i] = (byte) table[i];
            data[2 * i + 1] = (byte) (table[i] >> 8);
        }
        DicomWriter item = new DicomWriter().us(Tags.LUT_DESCRIPTOR, 4096, 0, 12).raw(Tags.LUT_DATA, "OW", data);
        DicomWriter w = phantom("MONOCHROME1", 12, false).sequence(Tags.VOI_LUT_SEQUENCE, List.of(item));
        assertThat(maxDiff(w, null, "+Wl", "1")).isLessThanOrEqualTo(1);
    }
}
