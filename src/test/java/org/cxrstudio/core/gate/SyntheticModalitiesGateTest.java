package org.cxrstudio.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cxrstudio.core.imaging.RadiographReader;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled gate on drawn stand-ins for kinds of input no shared file has, saved as grey PNG
 * without a header: an axial CT slice of the chest (lung window), an axial MR slice of the head,
 * an ultrasound sector with speckle and a hand radiograph. Cartoons, not images of those
 * modalities: they show that the content check refuses such layouts, not how it does on real
 * ones (docs/gate.md).
 */
class SyntheticModalitiesGateTest {
    @RegisterExtension
    static final BundledGate GATE = new BundledGate();

    @ParameterizedTest
    @ValueSource(strings = {"ct", "mr", "us", "hand"})
    void drawnImagesOfOtherModalitiesAndPartsAreRefusedByContent(String kind) throws Exception {
        for (int seed = 0; seed < 3; seed++) {
            BufferedImage img = switch (kind) {
                case "ct" -> ctSlice(seed);
                case "mr" -> mrSlice(seed);
                case "us" -> ultrasound(seed);
                default -> hand(seed);
            };
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            GateDecision d = GATE.get().check(RadiographReader.read(kind + seed + ".png", png.toByteArray()));
            assertThat(d.accepted()).as(kind + seed + ": " + d.message()).isFalse();
            assertThat(d.reason()).contains(RefusalReason.NOT_CHEST_FILM);
            assertThat(d.measures().get("knn_cosine_distance")).isGreaterThan(GATE.get().card().distanceLimit() + 0.1);
        }
    }

    private static Graphics2D canvas(BufferedImage b, int background) {
        Graphics2D g = b.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(grey(background));
        g.fillRect(0, 0, b.getWidth(), b.getHeight());
        return g;
    }

    private static Color grey(int v) {
        return new Color(v, v, v);
    }

    private static void fill(Graphics2D g, int grey, Shape shape) {
        g.setColor(grey(grey));
        g.fill(shape);
    }

    /** Gaussian noise on everything but the (near-black) background. */
    private static BufferedImage noisy(BufferedImage b, double sd, long seed) {
        Random r = new Random(seed);
        WritableRaster ra = b.getRaster();
        for (int y = 0; y < b.getHeight(); y++) {
            for (int x = 0; x < b.getWidth(); x++) {
                int v = ra.getSample(x, y, 0);
                if (v > 3) {
                    ra.setSample(x, y, 0, Math.max(0, Math.min(255, (int) (v + r.nextGaussian() * sd))));
                }
            }
        }
        return b;
    }

    private static BufferedImage ctSlice(int seed) {
        Random r = new Random(seed);
        BufferedImage b = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas(b, 0);
        fill(g, 170, new Ellipse2D.Double(46 + r.nextInt(20), 110, 420, 300));   // body
        fill(g, 25, new Ellipse2D.Double(90, 140, 150, 220));                    // lungs
        fill(g, 25, new Ellipse2D.Double(275, 140, 150, 220));
        fill(g, 140, new Ellipse2D.Double(215, 170, 80, 120));                    // mediastinum
        fill(g, 255, new Ellipse2D.Double(236, 330, 40, 40));                     // vertebra
        g.setColor(grey(120));
        g.fillRect(60, 440, 392, 12);                                       // table
        g.setColor(grey(60));
        for (int i = 0; i < 40; i++) {
            g.fillOval(100 + r.nextInt(300), 160 + r.nextInt(180), 3, 3);   // vessels
        }
        g.dispose();
        return noisy(b, 6, seed);
    }

    private static BufferedImage mrSlice(int seed) {
        Random r = new Random(seed);
        BufferedImage b = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas(b, 0);
        fill(g, 200, new Ellipse2D.Double(96, 66, 320, 380));                     // scalp
        fill(g, 110, new Ellipse2D.Double(116, 86, 280, 340));                    // brain
        g.setColor(grey(150));
        for (int i = 0; i < 25; i++) {
            g.draw(new QuadCurve2D.Double(130 + r.nextInt(250), 100 + r.nextInt(300), 256, 256,
                    130 + r.nextInt(250), 100 + r.nextInt(300)));           // sulci
        }
        fill(g, 30, new Ellipse2D.Double(226, 200, 30, 90));                     // ventricles
        fill(g, 30, new Ellipse2D.Double(262, 200, 30, 90));
        g.dispose();
        return noisy(b, 8, seed + 10);
    }

    private static BufferedImage ultrasound(int seed) {
        Random r = new Random(seed);
        BufferedImage b = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster ra = b.getRaster();
        for (int y = 40; y < 460; y++) {
            for (int x = 0; x < 640; x++) {
                double angle = Math.atan2(x - 320, y - 20);
                double depth = Math.hypot(x - 320, y - 20);
                if (Math.abs(angle) < 0.7 && depth > 30 && depth < 440) {
                    double echo = 60 + 40 * Math.sin(depth / 25.0 + seed) + (depth > 200 && depth < 260 ? 80 : 0);
                    double speckle = -Math.log(1 - r.nextDouble());            // Rayleigh-like intensity
                    ra.setSample(x, y, 0, Math.max(0, Math.min(255, (int) (echo * speckle))));
                }
            }
        }
        return b;
    }

    private static BufferedImage hand(int seed) {
        Random r = new Random(seed);
        BufferedImage b = new BufferedImage(512, 640, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas(b, 20);
        fill(g, 90, new Ellipse2D.Double(140, 330, 240, 260));                   // palm
        for (int f = 0; f < 5; f++) {
            double x = 150 + f * 50 + r.nextInt(8);
            double top = 90 + Math.abs(2 - f) * 30;
            fill(g, 90, new RoundRectangle2D.Double(x, top, 36, 280, 30, 30));    // finger
            fill(g, 200, new RoundRectangle2D.Double(x + 9, top + 10, 18, 260, 12, 12));   // phalanges
        }
        fill(g, 210, new RoundRectangle2D.Double(200, 420, 120, 200, 30, 30));   // carpals
        g.dispose();
        return noisy(b, 7, seed + 20);
    }
}
