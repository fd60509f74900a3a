package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.WindowLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Synthetic radiographs and image files for viewer tests. */
public final class TestImages {
    private TestImages() { }

    /** A diagonal ramp of {@code bits}-bit stored values with a bright disc ("lesion") at 2/3, 1/3. */
    public static Radiograph ramp(int w, int h, int bits, Photometric ph, double slope, double intercept) {
        int[] px = new int[w * h];
        int max = (1 << bits) - 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = (x + y) / (double) (w + h - 2);
                double dx = x - w * 2 / 3.0;
                double dy = y - h / 3.0;
                boolean disc = dx * dx + dy * dy < (w / 8.0) * (w / 8.0);
                px[y * w + x] = (int) Math.round(disc ? max * 0.9 : t * max * 0.8);
            }
        }
        return new Radiograph(w, h, px, bits > 8 ? 16 : 8, bits, false, ph, slope, intercept, List.of(),
                Optional.empty(), Optional.of(new double[] {0.15, 0.15}), "PA", "synthetic " + bits + "-bit",
                Map.of("Modality", "DX"), Map.of("PatientName", "Doe^Jane", "PatientID", "12345"));
    }

    public static OpenedImage opened(String name, Radiograph r) {
        PixelRange range = PixelRange.of(r);
        WindowLevel w = DisplayPipeline.defaultWindow(r);
        return new OpenedImage(Path.of(name), r, range, w, 1.0);
    }

    /** Writes an 8-bit gray PNG ramp with a bright disc, for tests that open real files. */
    public static Path writePng(Path dir, String name, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Radiograph r = ramp(w, h, 8, Photometric.MONOCHROME2, 1, 0);
        img.getRaster().setPixels(0, 0, w, h, r.pixels());
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
