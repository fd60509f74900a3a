package org.cxrstudio.ui.shell;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;
import org.cxrstudio.ui.viewer.OpenedImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * Exports what the user sees: the current view with its overlays as a PNG, and a one-page PNG
 * report (view, score against threshold, model name and version, date and the decision-aid
 * disclaimer). FX thread (snapshots); files are written atomically (temp file, then rename).
 */
public final class ReportExporter {

    private ReportExporter() { }

    /** Snapshot of {@code view} (e.g. the image pane with overlays) to {@code out}. */
    public static void exportView(Node view, Path out) throws IOException {
        write(view.snapshot(null, null), out);
    }

    /** Builds and writes the one-page report. */
    public static void exportReport(Node view, OpenedImage image, ModelSlotViewModel slot, Path out) throws IOException {
        write(snapshotReport(view, image, slot), out);
    }

    static WritableImage snapshotReport(Node view, OpenedImage image, ModelSlotViewModel slot) {
        WritableImage shot = view.snapshot(null, null);
        ImageView picture = new ImageView(shot);
        picture.setPreserveRatio(true);
        picture.setFitWidth(Math.min(760, shot.getWidth()));
        VBox page = new VBox(8);
        page.setPadding(new Insets(24));
        page.setStyle("-fx-background-color: white;");
        Label title = new Label(Messages.get("report.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        page.getChildren().addAll(title, picture);
        for (String line : lines(image, slot)) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMaxWidth(760);
            l.setStyle("-fx-font-size: 13px;");
            page.getChildren().add(l);
        }
        Label disclaimer = new Label(Messages.get("report.disclaimer"));
        disclaimer.setWrapText(true);
        disclaimer.setMaxWidth(760);
        disclaimer.setStyle("-fx-font-size: 12px; -fx-font-style: italic; -fx-text-fill: #b71c1c;");
        page.getChildren().add(disclaimer);
        new Scene(page);
        page.applyCss();
        page.layout();
        return page.snapshot(null, null);
    }

    /** The report's text lines (also used by tests). */
    static java.util.List<String> lines(OpenedImage image, ModelSlotViewModel slot) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(Messages.format("report.date", ZonedDateTime.now().format(Messages.dateTime())));
        if (image != null) {
            out.add(Messages.format("report.image", image.path().getFileName(), String.valueOf(image.width()),
                    String.valueOf(image.height()), image.image().format()));
        }
        ModelCard card = slot.cardProperty().get();
        out.add(card == null ? Messages.get("report.noModel") : Messages.format("report.model",
                card.name(), card.version(), card.architecture(), card.role(), slot.deviceProperty().get()));
        Prediction p = slot.predictionProperty().get();
        if (p == null) {
            out.add(slot.bannerText() != null ? Messages.format("report.refused", slot.bannerText())
                    : Messages.get("report.noResult"));
        } else {
            var score = slot.score();
            out.add(Messages.format("report.result",
                    Messages.get(slot.positiveProperty().get() ? "report.positive" : "report.negative"),
                    score.score(), score.probability(), score.thresholdScore(),
                    slot.siteProperty().get() != null ? Messages.format("report.site", slot.siteText()) : ""));
            if (slot.scoredAnywayProperty().get()) {
                out.add(Messages.get("gate.scoredAnyway"));
            }
            if (slot.positiveProperty().get()) {
                int rank = 0;
                for (Box b : p.boxes()) {
                    out.add("  " + Messages.format("report.finding", ++rank, b.x1(), b.x2(), b.y1(), b.y2(), b.score()));
                }
            }
        }
        return out;
    }

    private static void write(Image img, Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), ".export", ".png");
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", tmp.toFile())) {
                throw new IOException(out + ": no PNG writer available");
            }
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
