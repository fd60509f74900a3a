package org.cxrstudio.core.dicom.codec;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** A synthetic RGB DICOM made with dcmtk's img2dcm from a BMP (gradients, noise and flat areas for runs). */
final class ColourFixture {

    private ColourFixture() {
    }

    static Path rgbDicom(Path tmp) throws Exception {
        Fixtures.requireTool("img2dcm");
        int w = 97;
        int h = 61;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean flat = x > 60 && y > 20;
                int red = flat ? 200 : (x * 255 / w + r.nextInt(9)) & 0xFF;
                int green = flat ? 40 : (y * 255 / h) & 0xFF;
                int blue = flat ? 90 : r.nextInt(256);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        Path bmp = tmp.resolve("rgb.bmp");
        Path dcm = tmp.resolve("rgb.dcm");
        ImageIO.write(img, "bmp", bmp.toFile());
        Fixtures.run("img2dcm", "-i", "BMP", bmp.toString(), dcm.toString());
        return dcm;
    }
}
