package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a PNG of the rendered radiograph with the heatmap blended in (transparent below 0.2,
 * blue→red above) and the boxes in yellow with their scores; the TB score in the corner.
 */
final class OverlayWriter {
    private OverlayWriter() { }

    static void write(GrayImage gray, Prediction p, Path out) throws IOException {
        int w = gray.width();
        int h = gray.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Heatmap hm = p.heatmap();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = gray.at(x, y);
                float v = hm.atImage(x, y);
                double a = v < 0.2 ? 0 : 0.5 * (v - 0.2) / 0.8;
                int r = (int) Math.round(g * (1 - a) + 255 * Math.min(1, 2 * v) * a);
                int gg = (int) Math.round(g * (1 - a) + 255 * (1 - Math.abs(2 * v - 1)) * a);
                int b = (int) Math.round(g * (1 - a) + 255 * Math.min(1, 2 - 2 * v) * a);
                img.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
        Graphics2D g2 = img.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float stroke = Math.max(1f, Math.max(w, h) / 256f);
        g2.setStroke(new BasicStroke(stroke));
        g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.max(w, h) / 40)));
        g2.setColor(Color.YELLOW);
        for (Box b : p.boxes()) {
            g2.drawRect((int) b.x1(), (int) b.y1(), (int) Math.max(1, b.x2() - b.x1()), (int) Math.max(1, b.y2() - b.y1()));
            g2.drawString(String.format(Locale.ROOT, "%.2f", b.score()), (int) b.x1() + 2, (int) b.y1() + g2.getFont().getSize());
        }
        g2.setColor(p.positive() ? Color.RED : Color.GREEN);
        g2.drawString(String.format(Locale.ROOT, "TB %.3f (threshold %.3f)", p.tbProbability(), p.threshold()), 4, h - 6);
        g2.dispose();
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (!ImageIO.write(img, "png", out.toFile())) {
            throw new IOException(out + ": no PNG writer");
        }
    }
}
