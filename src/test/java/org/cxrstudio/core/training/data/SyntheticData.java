package org.cxrstudio.core.training.data;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Synthetic labelled folders for tests: gray PNGs with a smooth background; TB images carry a
 * bright blob in the upper right quadrant (inside their box), so a tiny network can learn them.
 */
public final class SyntheticData {
    private SyntheticData() { }

    /**
     * Writes {@code nTb + nNormal} PNGs of {@code side} px and a labels CSV with boxes and a
     * {@code source} column.
     *
     * @return the labels CSV (images are beside it in {@code images/})
     */
    public static LabeledFolder write(Path dir, String source, int nTb, int nNormal, int side, long seed) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("filename,label,x1,y1,x2,y2,source\n");
        for (int i = 0; i < nTb + nNormal; i++) {
            boolean tb = i < nTb;
            String name = source + (tb ? "_tb" : "_n") + i + ".png";
            BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            int cx = (int) (side * (0.65 + 0.1 * rnd.nextDouble()));
            int cy = (int) (side * (0.3 + 0.1 * rnd.nextDouble()));
            int r = side / 8;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double v = 60 + 80.0 * x / side + 20 * rnd.nextDouble();
                    if (tb && (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r) {
                        v += 90;
                    }
                    img.getRaster().setSample(x, y, 0, (int) Math.min(255, v));
                }
            }
            ImageIO.write(img, "png", images.resolve(name).toFile());
            if (tb) {
                csv.append(name).append(",tb,").append(cx - r).append(',').append(cy - r).append(',')
                        .append(cx + r).append(',').append(cy + r).append(',').append(source).append('\n');
            } else {
                csv.append(name).append(",normal,,,,,").append(source).append('\n');
            }
        }
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, csv.toString());
        return new LabeledFolder(images, labels);
    }
}
