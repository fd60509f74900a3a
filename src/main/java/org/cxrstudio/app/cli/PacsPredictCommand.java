package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.pacs.CadResult;
import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.pacs.OverlayRenderer;
import org.cxrstudio.core.pacs.QidoQuery;
import org.cxrstudio.core.pacs.ResultObjects;
import org.cxrstudio.core.pacs.SeriesSummary;
import org.cxrstudio.core.pacs.SourceImage;
import org.cxrstudio.core.pacs.StoreResult;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.core.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pacs predict}: retrieves the image series of a study, screens every image exactly as
 * {@code predict} does on a local file (same gate, model, threshold and box options, same JSON
 * rows), and with {@code --store} writes a Comprehensive SR and a Secondary Capture overlay per
 * scored image and stores them back into the study by STOW-RS. Series that hold results or no
 * images (SR, KO, PR, and this app's own overlays) are skipped.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score every image of a study on the archive; --store writes the SR and overlay back.")
final class PacsPredictCommand extends CliCommand {
    private static final Set<String> NOT_IMAGES = Set.of("SR", "KO", "PR", "DOC");

    @Mixin
    PacsStudyOptions pacs;

    @Option(names = "--json", required = true, paramLabel = "OUT", description = "Write all results as a JSON array.")
    Path json;

    @Option(names = "--store", description = "Store a Comprehensive SR and a Secondary Capture overlay per scored image (STOW-RS).")
    boolean store;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep the downloaded study here (default: a temporary folder, deleted at the end).")
    Path cache;

    @Mixin
    ScreeningOptions screeningOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = err();
        Path modelPath = screeningOptions.model.path();
        screeningOptions.profile(); // read --site before anything is downloaded
        DicomWebClient client = new DicomWebClient(pacs.server());
        Path dir = cache != null ? cache : Files.createTempDirectory("cxr-pacs-");
        try {
            return run(client, modelPath, dir, err);
        } finally {
            if (cache == null) {
                deleteTree(dir); // a temporary copy of patient images: do not leave it behind
            }
        }
    }

    private int run(DicomWebClient client, Path modelPath, Path dir, PrintWriter err) throws IOException {
        List<Path> files = retrieve(client, dir, err);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        int failed = 0;
        try (ScreeningOptions.Session session = screeningOptions.open()) {
            TbModel m = session.model();
            err.println(ModelOptions.describe(m));
            String thresholdSource = screeningOptions.operatingPoint.source();
            for (Path f : files) {
                ScreeningResult r = session.screening().screen(f);
                if (r.isError()) {
                    failed++;
                    err.println("error: " + r.error());
                    rows.add(PredictCommand.errorRow(r));
                    continue;
                }
                Map<String, Object> row = r.refused() ? PredictCommand.refusedRow(r, modelPath) : PredictCommand.row(r, modelPath);
                rows.add(row);
                out().println(JsonOut.LINE.toJson(row));
                if (store && !r.refused()) {
                    CadResult cad = CadResult.of(SourceImage.of(r.radiograph()), r.prediction(), m.card(), thresholdSource);
                    ResultObjects.Written w = ResultObjects.write(r.radiograph(), r.prediction().heatmap(), cad,
                            dir.resolve("results-" + pacs.study));
                    results.add(w.sr());
                    results.add(w.sc());
                }
            }
        }
        JsonOut.write(json, rows);
        if (store) {
            StoreResult stored = client.store(results, new ConsoleProgress(err), CancellationToken.NONE);
            err.println("stored " + stored.storedSopUids().size() + " result object(s) in study " + pacs.study);
            stored.warnings().forEach(w -> err.println("store: " + w));
        }
        return failed == 0 ? 0 : 1;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the OS cleans its temp folder
        }
    }

    private List<Path> retrieve(DicomWebClient client, Path dir, PrintWriter err) throws IOException {
        List<Path> files = new ArrayList<>();
        for (SeriesSummary s : client.searchSeries(pacs.study, QidoQuery.ALL, CancellationToken.NONE)) {
            if (NOT_IMAGES.contains(s.modality()) || OverlayRenderer.LABEL.equals(s.description())) {
                err.println("skipping series " + s.seriesUid() + " (" + s.modality() + ", "
                        + (s.description().isEmpty() ? "no description" : s.description()) + ")");
                continue;
            }
            files.addAll(client.retrieveSeries(pacs.study, s.seriesUid(), dir, new ConsoleProgress(err), CancellationToken.NONE));
        }
        err.println(files.size() + " image(s) retrieved into " + dir.resolve(pacs.study));
        return files;
    }
}
