package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code predict FILE|DIR...}: screens each image through the input gate and the TB model
 * ({@link Screening}) and prints one JSON line per image on stdout. A scored image has
 * {@code file, tb_probability} (calibrated when the card has a calibration){@code , raw_probability,
 * score} (0-100){@code , positive, threshold, threshold_score, boxes [[x1,y1,x2,y2,score]...]} in
 * original image pixels{@code , model, device, ms}; a refused image has {@code file, refused}
 * (the reason){@code , reason, model} and no probability. {@code --json} writes all rows (errors
 * too) as an array, {@code --csv} one row per input, {@code --overlay} PNG overlays. Refusals do
 * not fail the run; a file that cannot be read gets an error line, the rest continue, and the exit
 * code is 1 at the end.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Run the TB model on images (DICOM, PNG, JPEG) or folders of them; files the input gate refuses get a reason, not a score.")
final class PredictCommand extends CliCommand {
    @Mixin
    ImageInputs inputs;

    @Mixin
    JsonFileOption json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write file,tb_probability,score,positive,refused,error: one row per input.")
    Path csv;

    @Option(names = "--overlay", paramLabel = "DIR", description = "Write <image>.overlay.png with heatmap and boxes.")
    Path overlay;

    @Option(names = "--pdf", paramLabel = "DIR", description = "Write <image>.report.pdf (de-identified; --pdf-patient adds name and ID).")
    Path pdf;

    @Option(names = "--pdf-patient", description = "Print the patient's name and ID in the PDF reports.")
    boolean pdfPatient;

    @Mixin
    ScreeningOptions screeningOptions;

    @Override
    public Integer call() throws IOException {
        List<Path> files = inputs.files();
        Path modelPath = screeningOptions.model.path();
        List<Path> read = new ArrayList<>(files);
        read.addAll(java.util.Arrays.asList(modelPath, ModelFiles.sidecar(modelPath), screeningOptions.operatingPoint.site));
        OutputPaths.requireNotAnInput("--csv", csv, read);
        OutputPaths.requireNotAnInput("--json", json.path, read);
        SiteProfile profile = screeningOptions.profile();
        PrintWriter err = err();
        List<ScreeningResult> results = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        int failed = 0;
        try (ScreeningOptions.Session session = screeningOptions.open()) {
            TbModel m = session.model();
            err.println(ModelOptions.describe(m));
            err.println(session.boxesLine());
            if (profile != null) {
                err.println("site threshold: " + profile.label() + ", " + profile.threshold());
            }
            String thresholdSource = screeningOptions.operatingPoint.source();
            for (Path f : files) {
                ScreeningResult r = session.screening().screen(f);
                results.add(r);
                if (r.isError()) {
                    failed++;
                    err.println("error: " + r.error());
                    rows.add(errorRow(r));
                    continue;
                }
                Map<String, Object> row = r.refused() ? refusedRow(r, modelPath) : row(r, modelPath);
                rows.add(row);
                out().println(JsonOut.LINE.toJson(row));
                if (r.refused()) {
                    err.println(f + ": not scored: " + r.refusalMessage());
                    continue;
                }
                err.println(f + ": " + r.score().describe(thresholdSource));
                if (pdf != null) {
                    PdfOut.write(r, m.card(), thresholdSource, pdfPatient, pdf);
                }
                if (overlay != null) {
                    OverlayWriter.write(r, m.card(), thresholdSource, overlay.resolve(f.getFileName() + ".overlay.png"));
                }
            }
        }
        json.write(rows);
        if (csv != null) {
            CsvOut.write(csv, results);
        }
        long refused = results.stream().filter(ScreeningResult::refused).count();
        if (refused > 0) {
            err.println(refused + " of " + results.size() + " file(s) refused by the input gate (not scored)");
        }
        return failed == 0 ? 0 : 1;
    }

    static Map<String, Object> row(ScreeningResult r, Path model) {
        Prediction p = r.prediction();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", r.source());
        row.put("tb_probability", JsonOut.round(r.score().probability(), 5));
        row.put("raw_probability", JsonOut.round(p.tbProbability(), 5));
        row.put("score", r.score().score());
        row.put("positive", p.positive());
        row.put("threshold", p.threshold());
        row.put("threshold_score", r.score().thresholdScore());
        List<double[]> boxes = new ArrayList<>();
        for (Box b : p.boxes()) {
            boxes.add(new double[] {JsonOut.round(b.x1(), 1), JsonOut.round(b.y1(), 1), JsonOut.round(b.x2(), 1),
                    JsonOut.round(b.y2(), 1), JsonOut.round(b.score(), 3)});
        }
        row.put("boxes", boxes);
        row.put("model", model.toString());
        row.put("device", p.device());
        row.put("ms", JsonOut.round(p.millis(), 2));
        return row;
    }

    static Map<String, Object> refusedRow(ScreeningResult r, Path model) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", r.source());
        row.put("refused", r.refusalMessage());
        row.put("reason", r.gate().reason().map(Enum::name).orElse(null));
        row.put("model", model.toString());
        return row;
    }

    static Map<String, Object> errorRow(ScreeningResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", r.source());
        row.put("error", r.error());
        return row;
    }
}
