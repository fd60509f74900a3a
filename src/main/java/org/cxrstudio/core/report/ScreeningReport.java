package org.cxrstudio.core.report;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.pacs.OverlayRenderer;
import org.cxrstudio.core.pacs.RgbImage;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.core.screening.TbScore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The PDF report of one screened film, from what {@code predict} and the viewer already have.
 * Stateless.
 */
public final class ScreeningReport {
    private ScreeningReport() { }

    /** Report facts from a scored result (not refused, not failed). */
    public static ReportData data(Radiograph r, Prediction p, ModelCard card, String thresholdSource, String gate,
                                  boolean includePatient) {
        String image = String.format(Locale.ROOT, "%d x %d px, %s%s", r.columns(), r.rows(), r.format(),
                r.viewPosition().isEmpty() ? "" : ", view " + r.viewPosition());
        return new ReportData(image, TbScore.of(p.tbProbability(), p.threshold(), card.calibration()), thresholdSource,
                p.boxes(),
                card.name(), card.version(), card.sha256(), gate, ZonedDateTime.now(), includePatient,
                r.patient().get("PatientName"), r.patient().get("PatientID"));
    }

    /** Writes the report of {@code r} to {@code out}. */
    public static void write(ScreeningResult r, ModelCard card, String thresholdSource, boolean includePatient, Path out)
            throws IOException {
        if (r.prediction() == null) {
            throw new IllegalArgumentException(r.source() + ": no score to report");
        }
        String msg = r.gate() == null || r.gate().message() == null ? "" : r.gate().message();
        String why = msg.isBlank() || msg.strip().equalsIgnoreCase("accepted") ? "" : " (" + msg + ")";
        String gate = r.gate() == null ? "" : r.overridden() ? "refused but scored at the user's request" + why
                : r.gate().accepted() ? "accepted" + why : "refused" + why;
        ReportData d = data(r.radiograph(), r.prediction(), card, thresholdSource, gate, includePatient);
        write(d, r.radiograph(), r.prediction(), out);
    }

    /** Renders the overlay of {@code p} on {@code film} and writes the report. */
    public static void write(ReportData d, Radiograph film, Prediction p, Path out) throws IOException {
        RgbImage overlay = OverlayRenderer.render(DisplayPipeline.render(film, null, false), p.heatmap(), p.boxes(),
                d.caption());
        PdfReport.write(d, overlay, out);
    }
}
