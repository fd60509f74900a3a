package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.report.ScreeningReport;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.nio.file.Path;

/** {@code predict --pdf DIR}: one {@code <image>.report.pdf} per scored image, de-identified unless asked. */
final class PdfOut {
    private PdfOut() { }

    /** Where the operating threshold came from, in the words the report, the overlay and the SR use. */
    static String thresholdSource(Double threshold, SiteProfile profile) {
        return threshold != null ? "user (--threshold)" : profile != null ? "site profile " + profile.label() : "model card";
    }

    /** Writes the report of a scored result; refused or failed results get none. */
    static void write(ScreeningResult r, ModelCard card, Double threshold, SiteProfile profile, boolean withPatient,
                      Path dir) throws IOException {
        if (r.isError() || r.refused() || r.prediction() == null) {
            return;
        }
        ScreeningReport.write(r, card, thresholdSource(threshold, profile), withPatient,
                dir.resolve(Path.of(r.source()).getFileName() + ".report.pdf"));
    }
}
