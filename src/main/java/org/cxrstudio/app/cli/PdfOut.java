package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.report.ScreeningReport;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.nio.file.Path;

/** {@code predict --pdf DIR}: one {@code <image>.report.pdf} per scored image, de-identified unless asked. */
final class PdfOut {
    private PdfOut() { }

    /**
     * Writes the report of a scored result; refused or failed results get none.
     *
     * @param thresholdSource where the operating threshold came from ({@link OperatingPointOptions#source()})
     */
    static void write(ScreeningResult r, ModelCard card, String thresholdSource, boolean withPatient, Path dir)
            throws IOException {
        if (r.isError() || r.refused() || r.prediction() == null) {
            return;
        }
        ScreeningReport.write(r, card, thresholdSource, withPatient,
                dir.resolve(Path.of(r.source()).getFileName() + ".report.pdf"));
    }
}
