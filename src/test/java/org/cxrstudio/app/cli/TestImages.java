package org.cxrstudio.app.cli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Synthetic 8-bit PNGs for command tests. */
final class TestImages {
    private TestImages() { }

    /** A {@code size×size} image of gray {@code background} with an optional bright square. */
    static Path png(Path file, int size, int background, int[] square, int squareGray) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = square != null && x >= square[0] && y >= square[1] && x < square[2] && y < square[3];
                img.getRaster().setSample(x, y, 0, in ? squareGray : background);
            }
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static Path uniform(Path file, int gray) throws IOException {
        return png(file, 64, gray, null, 0);
    }
}
