package org.cxrstudio.core.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.cxrstudio.core.pacs.RgbImage;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.screening.TbScore;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a one-page A4 PDF: title, the overlay picture (fitted to the page), the result and the
 * score against the threshold as a bar, the boxes, the model and gate facts, the date and the
 * CAD disclaimer. Text uses the standard Helvetica fonts (characters outside WinAnsi become
 * {@code ?}). Written to a temp file and moved into place. Stateless.
 */
public final class PdfReport {
    /** Printed on every report. */
    public static final String DISCLAIMER = "Computer-aided detection (CAD) result, for research and decision support "
            + "only: not a diagnosis. The score, heatmap and boxes come from a machine-learning model and must be "
            + "reviewed by a qualified reader.";
    private static final float MARGIN = 40;

    private PdfReport() { }

    /** Writes the report to {@code out} (parent folders are created). */
    public static void write(ReportData d, RgbImage overlay, Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), ".report-", ".pdf.tmp");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("TB CAD report");
            info.setCreator("CXR Studio");
            PDImageXObject picture = JPEGFactory.createFromImage(doc, overlay.toBufferedImage(), 0.9f);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
            float w = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                Text t = new Text(cs);
                t.line(bold, 18, MARGIN, top - 18, "CXR Studio - TB CAD report");
                t.line(regular, 9, MARGIN, top - 32, "Made " + d.made().format(DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm z", Locale.ROOT)) + (d.includePatient() ? "" : " - de-identified"));
                float imgTop = top - 44;
                float maxW = w - 2 * MARGIN;
                float maxH = 380;
                float scale = Math.min(maxW / overlay.width(), maxH / overlay.height());
                float iw = overlay.width() * scale;
                float ih = overlay.height() * scale;
                cs.drawImage(picture, MARGIN + (maxW - iw) / 2, imgTop - ih, iw, ih);
                float y = imgTop - ih - 26;
                cs.setNonStrokingColor(d.positive() ? new Color(183, 28, 28) : new Color(27, 94, 32));
                t.line(bold, 14, MARGIN, y, d.positive() ? "POSITIVE - TB suspected" : "Negative - score below the threshold");
                cs.setNonStrokingColor(Color.BLACK);
                y -= 18;
                t.line(regular, 11, MARGIN, y, scoreLine(d));
                y -= 16;
                bar(cs, MARGIN, y, maxW, d.score().score() / 100.0, d.score().thresholdScore() / 100.0, d.positive());
                y -= 22;
                for (String line : facts(d)) {
                    t.line(regular, 10, MARGIN, y, line);
                    y -= 14;
                }
                y -= 6;
                for (String line : wrap(DISCLAIMER, 100)) {
                    cs.setNonStrokingColor(new Color(183, 28, 28));
                    t.line(italic, 10, MARGIN, y, line);
                    y -= 13;
                }
            }
            doc.save(tmp.toFile());
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The score against the threshold, e.g. "TB score 72 of 100, at or above this clinic's threshold 55 (site profile a)". */
    static String scoreLine(ReportData d) {
        String source = d.thresholdSource().isEmpty() ? TbScore.MODEL_CARD : d.thresholdSource();
        return d.score().describe(source).replaceFirst("^TB score (\\d+)", "TB score $1 of 100") + " (" + source + ")";
    }

    /** The report's fact lines below the score (also used by tests). */
    static List<String> facts(ReportData d) {
        List<String> out = new ArrayList<>();
        if (d.includePatient()) {
            out.add("Patient: " + (d.patientName().isEmpty() ? "(no name)" : d.patientName().replace('^', ' '))
                    + ", ID " + (d.patientId().isEmpty() ? "(none)" : d.patientId()));
        }
        out.add("Image: " + d.image());
        out.add(d.score().calibrated() ? "TB score: the TB probability x 100, calibrated on the model's validation films"
                : "TB score: the model's output x 100 (the model card has no calibration)");
        if (d.boxes().isEmpty()) {
            out.add("Boxes: none" + (d.positive() ? "" : " (boxes are drawn only for positive results)"));
        }
        int i = 1;
        for (Box b : d.boxes()) {
            out.add(String.format(Locale.ROOT, "Box %d: x %.0f-%.0f, y %.0f-%.0f px, peak saliency %.2f of the heatmap's maximum", i++, b.x1(), b.x2(),
                    b.y1(), b.y2(), b.score()));
        }
        out.add("Model: " + (d.modelName() + " " + d.modelVersion()).strip());
        out.add("Model SHA-256: " + (d.modelSha256().isEmpty() ? "unknown" : d.modelSha256()));
        out.add("Input gate: " + (d.gate().isEmpty() ? "not recorded" : d.gate()));
        return out;
    }

    private static void bar(PDPageContentStream cs, float x, float y, float width, double p, double t, boolean positive)
            throws IOException {
        cs.setNonStrokingColor(new Color(224, 224, 224));
        cs.addRect(x, y, width, 8);
        cs.fill();
        cs.setNonStrokingColor(positive ? new Color(229, 57, 53) : new Color(67, 160, 71));
        cs.addRect(x, y, (float) (width * p), 8);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        cs.addRect(x + (float) (width * t) - 1, y - 3, 2, 14);
        cs.fill();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Writes single lines, replacing what the font cannot encode. */
    private record Text(PDPageContentStream cs) {
        void line(PDType1Font font, float size, float x, float y, String s) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(encodable(font, s));
            cs.endText();
        }

        private static String encodable(PDType1Font font, String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(c -> {
                String ch = new String(Character.toChars(c));
                try {
                    font.encode(ch);
                    b.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }
}
