package org.cxrstudio.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.report.ReportData;
import org.cxrstudio.core.report.ScreeningReport;
import org.cxrstudio.core.screening.TbScore;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;
import org.cxrstudio.ui.viewer.OpenedImage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * "Save report as PDF…": the current film and the student's result at the threshold the user has
 * set, through {@link ScreeningReport}; de-identified unless the user chooses otherwise. FX thread.
 */
final class PdfReportSaver {
    private PdfReportSaver() { }

    /** True to print name and ID, false for de-identified, null if cancelled. */
    static Boolean askPatient(Window owner) {
        ButtonType anonymous = new ButtonType(Messages.get("pdf.deidentified"), ButtonBar.ButtonData.OK_DONE);
        ButtonType named = new ButtonType(Messages.get("pdf.withPatient"), ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("pdf.question"), anonymous, named, ButtonType.CANCEL);
        a.setHeaderText(Messages.get("pdf.title"));
        a.initOwner(owner);
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        return b == anonymous ? Boolean.FALSE : b == named ? Boolean.TRUE : null;
    }

    static void save(OpenedImage image, ModelSlotViewModel slot, boolean withPatient, Path out) throws IOException {
        Prediction p = slot.predictionProperty().get();
        ModelCard card = slot.cardProperty().get();
        double t = slot.thresholdProperty().get();
        String source = slot.siteProperty().get() != null ? TbScore.SITE_PROFILE + " " + slot.siteProperty().get().label()
                : card != null && Math.abs(card.threshold() - t) < 1e-9 ? TbScore.MODEL_CARD : TbScore.USER + " (set in the viewer)";
        ReportData base = ScreeningReport.data(image.image(), p, card, source, "", withPatient);
        ReportData d = new ReportData(base.image(), slot.score(), source, p.boxes(), base.modelName(), base.modelVersion(), base.modelSha256(),
                String.format(Locale.ROOT, "as shown in the viewer (%s)", slot.deviceProperty().get()),
                ZonedDateTime.now(), withPatient, base.patientName(), base.patientId());
        ScreeningReport.write(d, image.image(), p, out);
    }
}
