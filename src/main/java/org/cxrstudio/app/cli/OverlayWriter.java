package org.cxrstudio.app.cli;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.pacs.OverlayRenderer;
import org.cxrstudio.core.pacs.RgbImage;
import org.cxrstudio.core.screening.ScreeningResult;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code predict --overlay DIR}: a PNG of the film as displayed with the heatmap, the numbered
 * boxes and the TB score against the threshold, drawn by the same {@link OverlayRenderer} as the
 * Secondary Capture written to the archive.
 */
final class OverlayWriter {
    private OverlayWriter() { }

    /** Writes the overlay of a scored result; refused or failed results get none. */
    static void write(ScreeningResult r, ModelCard card, String thresholdSource, Path out) throws IOException {
        if (r.isError() || r.refused() || r.prediction() == null) {
            return;
        }
        RgbImage img = OverlayRenderer.render(DisplayPipeline.render(r.radiograph(), null, false),
                r.prediction().heatmap(), r.prediction().boxes(),
                new OverlayRenderer.Caption(r.score(), thresholdSource, (card.name() + " " + card.version()).strip()));
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), ".overlay", ".png.part");
        try {
            if (!ImageIO.write(img.toBufferedImage(), "png", tmp.toFile())) {
                throw new IOException(out + ": no PNG writer");
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
