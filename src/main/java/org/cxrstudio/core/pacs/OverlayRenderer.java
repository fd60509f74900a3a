package org.cxrstudio.core.pacs;

import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.screening.TbScore;
import org.cxrstudio.core.saliency.Heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;

/**
 * Burns a CAD result into the rendered film: the heatmap blended in (transparent below 0.2,
 * blue to red above), the boxes in yellow with their scores, the score against the threshold, the
 * model, and the label {@value #LABEL} on a dark band at the top. Uses Java2D headless (no
 * display needed). Stateless and thread-safe.
 */
public final class OverlayRenderer {
    /** Burned into every overlay. */
    public static final String LABEL = "CAD overlay - not for diagnosis";

    /**
     * What is written on the overlay.
     *
     * @param score           the TB score against the operating threshold, and the decision
     * @param thresholdSource e.g. {@code "model card"}, {@code "site profile clinic-a"}
     * @param model           model name and version
     */
    public record Caption(TbScore score, String thresholdSource, String model) {
        /** The decision. */
        public boolean positive() {
            return score.positive();
        }

        /** The result line, e.g. "TB score 72, at or above this clinic's threshold 55 (site profile a): POSITIVE". */
        public String text() {
            return score.describe(thresholdSource)
                    + (thresholdSource == null || thresholdSource.isBlank() ? "" : " (" + thresholdSource + ")")
                    + ": " + (score.positive() ? "POSITIVE" : "negative");
        }
    }

    private OverlayRenderer() { }

    /**
     * @param gray    the film as displayed (window applied), same pixel grid as the boxes
     * @param heatmap saliency over the film, or null for none
     * @param boxes   in {@code gray}'s pixels
     */
    public static RgbImage render(GrayImage gray, Heatmap heatmap, List<Box> boxes, Caption r) {
        int w = gray.width();
        int h = gray.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = gray.at(x, y);
                float v = heatmap == null ? 0 : heatmap.atImage(x, y);
                double a = v < 0.2 ? 0 : 0.5 * (v - 0.2) / 0.8;
                int red = (int) Math.round(g * (1 - a) + 255 * Math.min(1, 2 * v) * a);
                int green = (int) Math.round(g * (1 - a) + 255 * (1 - Math.abs(2 * v - 1)) * a);
                int blue = (int) Math.round(g * (1 - a) + 255 * Math.min(1, 2 - 2 * v) * a);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        Graphics2D g2 = img.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.max(10, Math.max(w, h) / 45);
            g2.setStroke(new BasicStroke(Math.max(1f, Math.max(w, h) / 300f)));
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            g2.setColor(Color.YELLOW);
            int rank = 0; // boxes are numbered as the report and the SR list them; no bare saliency on the film
            for (Box b : boxes) {
                g2.drawRect((int) b.x1(), (int) b.y1(), (int) Math.max(1, b.x2() - b.x1()), (int) Math.max(1, b.y2() - b.y1()));
                g2.drawString(String.valueOf(++rank), (int) b.x1() + 2, (int) b.y1() + size);
            }
            int band = (int) (size * 2.6);
            g2.setColor(new Color(0, 0, 0, 190));
            g2.fillRect(0, 0, w, band);
            g2.fillRect(0, h - band, w, band);
            g2.setColor(Color.WHITE);
            g2.drawString(LABEL, size / 2, (int) (size * 1.2));
            g2.drawString("Model " + r.model(), size / 2, (int) (size * 2.3));
            g2.setColor(r.positive() ? new Color(255, 90, 90) : new Color(120, 230, 120));
            g2.drawString(r.text(), size / 2, h - (int) (size * 1.2));
            g2.setColor(Color.WHITE);
            g2.drawString(LABEL, size / 2, h - size / 4);
        } finally {
            g2.dispose();
        }
        byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new RgbImage(w, h, rgb);
    }
}
