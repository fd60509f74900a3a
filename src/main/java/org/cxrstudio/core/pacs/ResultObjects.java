package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.saliency.Heatmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the two result objects of one scored film into a folder: the Comprehensive SR
 * ({@code CAD-SR-<source SOP UID>.dcm}) and the Secondary Capture overlay
 * ({@code CAD-SC-<source SOP UID>.dcm}), each with new UIDs in a new series of the source's study.
 * Each file is written to a temp file and moved into place, so a failure leaves no half file.
 * Stateless.
 */
public final class ResultObjects {
    /** Series Number of the SR series. */
    public static final int SR_SERIES_NUMBER = 9901;
    /** Series Number of the overlay series. */
    public static final int SC_SERIES_NUMBER = 9902;
    /** Device Observer UID of this app. */
    public static final String DEVICE_UID = DicomWriter.IMPLEMENTATION_CLASS_UID + ".1";

    /**
     * The files written.
     *
     * @param sr the Comprehensive SR
     * @param sc the Secondary Capture
     */
    public record Written(Path sr, Path sc) { }

    private ResultObjects() { }

    /**
     * @param film    the source film (its pixels are rendered for the overlay)
     * @param heatmap the prediction's heatmap over the film, or null
     */
    public static Written write(Radiograph film, Heatmap heatmap, CadResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        String sop = r.source().sopInstanceUid();
        byte[] sr = CadSrWriter.write(r, DicomUids.create(), DicomUids.create(), SR_SERIES_NUMBER, DEVICE_UID);
        RgbImage picture = OverlayRenderer.render(DisplayPipeline.render(film, null, false), heatmap, r.boxes(), r.caption());
        byte[] sc = OverlayCaptureWriter.write(r, picture, DicomUids.create(), DicomUids.create(), SC_SERIES_NUMBER);
        return new Written(atomic(dir.resolve("CAD-SR-" + sop + ".dcm"), sr), atomic(dir.resolve("CAD-SC-" + sop + ".dcm"), sc));
    }

    static Path atomic(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".result-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
