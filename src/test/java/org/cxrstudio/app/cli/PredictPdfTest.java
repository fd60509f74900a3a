package org.cxrstudio.app.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cxrstudio.core.inference.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code predict --pdf}: a one-page report, de-identified unless {@code --pdf-patient}. */
class PredictPdfTest {
    static final Path FILM = Path.of("sample-images/chest-phantom-mono2-16bit.dcm");

    @TempDir
    Path dir;

    @Test
    void writesADeidentifiedReportUnlessAsked() throws IOException {
        Path model = TestModels.write(dir, "m", "student", TestModels.brightness(64), 0.1);
        CliRun run = CliRun.of("predict", FILM.toString(), "--model", model.toString(), "--no-gate",
                "--pdf", dir.resolve("pdf").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String text = text(dir.resolve("pdf/" + FILM.getFileName() + ".report.pdf"));
        assertThat(text).containsPattern("TB score \\d{1,3} of 100, at or above the model.s threshold 10 \\(model card\\)");
        assertThat(text).doesNotContainPattern("TB score 0\\.\\d");
        assertThat(text).contains("POSITIVE", "test-m 1.0",
                "Model SHA-256: ", "not a diagnosis", "de-identified", "Input gate:");
        assertThat(text).doesNotContain("Phantom").doesNotContain("Patient:");

        CliRun named = CliRun.of("predict", FILM.toString(), "--model", model.toString(), "--no-gate",
                "--pdf", dir.resolve("pdf2").toString(), "--pdf-patient", "--threshold", "0.99");
        assertThat(named.exit()).as(named.err()).isZero();
        String text2 = text(dir.resolve("pdf2/" + FILM.getFileName() + ".report.pdf"));
        assertThat(text2).contains("Patient: Phantom Synthetic", "Negative", "below the chosen threshold 99 (user (--threshold))");
        try (var s = Files.list(dir.resolve("pdf2"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".report.pdf"));
        }
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(doc);
        }
    }
}
