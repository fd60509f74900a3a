package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.BoxCalibration;
import org.cxrstudio.core.eval.LabeledImage;
import org.cxrstudio.core.eval.SplitList;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.task.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code calibrate-boxes}: tunes a model's box parameters to its CAM. On the TB images with
 * ground-truth boxes (of one part of a training split, {@code train} by default, so validation
 * figures stay honest) it computes each heatmap once, sweeps {@link BoxCalibration.Grid#DEFAULT},
 * prints the best settings and the default's figures, and with {@code --write-card} stores the best
 * in the sidecar card's {@code postprocessing} section, which predict, eval, bench and the viewer
 * then use.
 */
@Command(name = "calibrate-boxes", mixinStandardHelpOptions = true,
        description = "Choose the model's box parameters (relative threshold, min area, max boxes) by mIoU on TB images with ground-truth boxes.")
final class CalibrateBoxesCommand extends CliCommand {
    @Mixin
    SplitPartOptions split = new SplitPartOptions(SplitList.TRAIN);

    /** The older name of {@code --split-part} in this command. */
    @Option(names = "--use", hidden = true)
    void use(String part) {
        split.part = part;
    }

    @Option(names = "--write-card", description = "Store the best setting in the model's sidecar card (postprocessing section).")
    boolean writeCard;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Settings to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    JsonFileOption json;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    LabeledImageOptions labeled;

    @Override
    public Integer call() throws IOException {
        labeled.requirePairs();
        Set<String> keep = split.keep();
        PrintWriter err = err();
        if (!split.given()) {
            err.println("note: no --split: calibrating on every labelled TB image with boxes");
        } else if (split.part.equals(SplitList.VAL)) {
            err.println("note: calibrating on the validation part; its mIoU is then optimistic");
        }
        Path modelPath = modelOptions.path();
        List<BoxCalibration.Case> cases = new ArrayList<>();
        ModelCard card;
        long t0 = System.nanoTime();
        try (TbModel m = modelOptions.load()) {
            card = m.card();
            PostProcessing post = m.postProcessing().withThreshold(0.0);
            err.println(ModelOptions.describe(m));
            for (LabeledImageOptions.Listed listed : labeled.listed(keep)) {
                LabeledImage li = listed.image();
                if (!li.positive() || li.boxes().isEmpty()) {
                    continue;
                }
                cases.add(new BoxCalibration.Case(m.predict(RadiographReader.read(listed.existingFile()), post).heatmap(), li.boxes()));
                if (cases.size() % 50 == 0) {
                    err.println("  " + cases.size() + " heatmaps");
                }
            }
        }
        if (cases.isEmpty()) {
            throw new IOException("no TB image with ground-truth boxes to calibrate on"
                    + (split.given() ? " in the " + split.describe("") : "") + " (do the labels CSVs have x1,y1,x2,y2?)");
        }
        double camSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        List<BoxCalibration.Result> ranked = BoxCalibration.sweep(cases, BoxCalibration.Grid.DEFAULT, CancellationToken.NONE);
        BoxCalibration.Result dflt = BoxCalibration.evaluate(cases, BoxParams.DEFAULT);
        BoxCalibration.Result current = BoxCalibration.evaluate(cases, card.boxParams());
        BoxCalibration.Result best = ranked.get(0);
        err.printf(Locale.ROOT, "%d heatmaps in %.1f s, %d settings in %.1f s%n", cases.size(), camSeconds,
                ranked.size(), (System.nanoTime() - t1) / 1e9);
        printTable(ranked, dflt, current, card, cases.size());
        json.write(sweepJson(cases.size(), ranked, dflt, current));
        if (writeCard) {
            ModelFiles.putPostprocessing(modelPath, cardSection(best, dflt, cases.size()));
            err.println("stored in " + ModelFiles.sidecar(modelPath) + " (postprocessing)");
        }
        return 0;
    }

    private void printTable(List<BoxCalibration.Result> ranked, BoxCalibration.Result dflt,
                            BoxCalibration.Result current, ModelCard card, int n) {
        PrintWriter out = out();
        out.printf(Locale.ROOT, "box calibration on %d TB images with boxes%s%n", n,
                split.given() ? " (" + split.describe("") + ")" : "");
        out.println("rank  rel.thr  min.area  max  mIoU    recall@0.3");
        for (int i = 0; i < Math.min(Math.max(1, top), ranked.size()); i++) {
            out.println(line(String.format(Locale.ROOT, "%-4d", i + 1), ranked.get(i)));
        }
        out.println(line("dflt", dflt));
        if (!card.postprocessing().isEmpty()) {
            out.println(line("card", current));
        }
        BoxCalibration.Result b = ranked.get(0);
        out.printf(Locale.ROOT, "best: --box-threshold %s --box-min-area %s --box-max %d (mIoU %.4f vs default %.4f)%n",
                b.params().relativeThreshold(), b.params().minAreaFraction(), b.params().maxBoxes(), b.miou(), dflt.miou());
    }

    private static String line(String label, BoxCalibration.Result r) {
        BoxParams p = r.params();
        return String.format(Locale.ROOT, "%-4s  %-7.2f  %-8.3f  %-3d  %.4f  %.4f", label, p.relativeThreshold(),
                p.minAreaFraction(), p.maxBoxes(), r.miou(), r.recall());
    }

    /** The {@code --json} report: the image count, the best, default and card settings, and the whole sweep, best first. */
    private static Map<String, Object> sweepJson(int images, List<BoxCalibration.Result> ranked, BoxCalibration.Result dflt,
                                                 BoxCalibration.Result current) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("images", images);
        j.put("best", row(ranked.get(0)));
        j.put("default", row(dflt));
        j.put("card", row(current));
        j.put("sweep", ranked.stream().map(CalibrateBoxesCommand::row).toList());
        return j;
    }

    private static Map<String, Object> row(BoxCalibration.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ModelCard.BOX_THRESHOLD, r.params().relativeThreshold());
        m.put(ModelCard.BOX_MIN_AREA, r.params().minAreaFraction());
        m.put(ModelCard.BOX_MAX, r.params().maxBoxes());
        m.put("miou", JsonOut.round(r.miou(), 4));
        m.put("box_recall_iou30", JsonOut.round(r.recall(), 4));
        return m;
    }

    private Map<String, Object> cardSection(BoxCalibration.Result best, BoxCalibration.Result dflt, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ModelCard.BOX_THRESHOLD, best.params().relativeThreshold());
        m.put(ModelCard.BOX_MIN_AREA, best.params().minAreaFraction());
        m.put(ModelCard.BOX_MAX, best.params().maxBoxes());
        m.put("calibrated_on", split.describe("all labelled images")
                + ": " + n + " TB images with boxes from " + labeled.labels.stream().map(Path::toString).toList());
        m.put("calibrated_images", n);
        m.put("calibrated_miou", JsonOut.round(best.miou(), 4));
        m.put("calibrated_box_recall_iou30", JsonOut.round(best.recall(), 4));
        m.put("default_miou", JsonOut.round(dflt.miou(), 4));
        m.put("calibrated_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("command", typedCommand());
        return m;
    }
}
