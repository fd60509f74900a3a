package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.EvalReport;
import org.cxrstudio.core.eval.EvalSample;
import org.cxrstudio.core.eval.EvalSummary;
import org.cxrstudio.core.eval.Evaluator;
import org.cxrstudio.core.eval.LabeledImage;
import org.cxrstudio.core.eval.LabelsCsv;
import org.cxrstudio.core.eval.ScoresFile;
import org.cxrstudio.core.eval.ShortcutCheck;
import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.eval.Wilson;
import org.cxrstudio.core.eval.SourceMapping;
import org.cxrstudio.core.eval.SplitList;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;
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
 * {@code eval}: runs a model over labelled image sets and prints the pooled figures (plus groups and
 * the shortcut check on request) as JSON. Each {@code --images} pairs with the {@code --labels} at
 * the same position. Ground-truth boxes count only on TB images; a labels CSV without box columns
 * gives no localization figures. Images go through the input gate first ({@link Screening}); the
 * ones it refuses are left out of every figure and counted ({@code "refused"} in the JSON). With
 * {@code --site} the operating threshold is the site profile's, so {@code sensitivity} and
 * {@code specificity} (with 95 % Wilson intervals) are the clinic's.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model: AUC, sensitivity/specificity, sens-90 operating point, mIoU, box recall, Dice.")
final class EvalCommand extends CliCommand {
    @Mixin
    LabeledImageOptions labeled;

    @Mixin
    JsonFileOption json;

    @Option(names = "--group-by", paramLabel = "COLUMN", description = "Add per-group figures, e.g. source (da_db_png/da_db_jpg count as da_db; a CSV without the column groups under its folder name).")
    String groupBy;

    @Option(names = "--raw-groups", description = "Do not merge da_db_png/da_db_jpg into da_db.")
    boolean rawGroups;

    @Option(names = "--shortcut-check", description = "Within each class, AUC of the score separating every pair of sources (grouped by --group-by, default source).")
    boolean shortcut;

    @Mixin
    SplitPartOptions split = new SplitPartOptions(SplitList.VAL);

    @Option(names = "--scores", paramLabel = "CSV",
            description = "Write per-image file,label,group,score,iou (iou: of the box unions, TB images with expert boxes only).")
    Path scores;

    @Option(names = "--into-card", paramLabel = "KEY", description = "Also store the report under validation.KEY in the model's sidecar card (with the command line).")
    String intoCard;

    @Mixin
    ScreeningOptions screeningOptions;

    @Override
    public Integer call() throws IOException {
        labeled.requirePairs();
        Set<String> keep = split.keep();
        SourceMapping mapping = rawGroups ? SourceMapping.IDENTITY : SourceMapping.DEFAULT;
        String groupColumn = groupBy != null ? groupBy : "source";
        Path modelPath = screeningOptions.model.path();
        List<Path> read = new ArrayList<>(labeled.labels);
        read.addAll(java.util.Arrays.asList(split.file, modelPath, ModelFiles.sidecar(modelPath), screeningOptions.operatingPoint.site));
        OutputPaths.requireNotAnInput("--scores", scores, read);
        OutputPaths.requireNotAnInput("--json", json.path, read);
        SiteProfile profile = screeningOptions.profile();
        List<EvalSample> samples = new ArrayList<>();
        int refused = 0;
        boolean localize = labeled.csvs().stream().anyMatch(LabelsCsv::hasBoxColumns);
        double t;
        BoxParams boxes;
        try (ScreeningOptions.Session session = screeningOptions.open()) {
            t = session.screening().threshold();
            boxes = session.post().boxes();
            PrintWriter err = err();
            err.println(ModelOptions.describe(session.model()));
            err.println(session.boxesLine());
            for (LabeledImageOptions.Listed listed : labeled.listed(keep)) {
                EvalSample sample = evaluate(session.screening(), listed, listed.csv().groupOf(listed.image(), groupColumn, mapping));
                if (sample == null) {
                    refused++;
                    continue;
                }
                samples.add(sample);
                if (samples.size() % 100 == 0) {
                    err.println("  " + samples.size() + " images");
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IOException("no images to evaluate" + (split.given() ? " (none of the labelled images is in the " + split.describe("") + ")" : "")
                    + (refused > 0 ? " (" + refused + " refused by the input gate)" : ""));
        }
        if (refused > 0) {
            err().println(refused + " image(s) refused by the input gate and left out of the figures");
        }
        EvalSummary pooled = Evaluator.pooled(samples, t, localize);
        Map<String, EvalSummary> groups = groupBy != null ? Evaluator.byGroup(samples, t, localize) : null;
        List<ShortcutCheck.Pair> pairs = shortcut ? ShortcutCheck.run(samples) : null;
        EvalReport report = new EvalReport(pooled, groups, pairs);
        Map<String, Object> out = withScreening(report.toJsonMap(), pooled, refused, profile);
        out().println(JsonOut.PRETTY.toJson(out));
        json.write(out);
        if (scores != null) {
            ScoresFile.write(scores, samples);
        }
        if (intoCard != null) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>(out);
            entry.put("command", typedCommand());
            entry.put("boxes", Map.of(ModelCard.BOX_THRESHOLD, boxes.relativeThreshold(),
                    ModelCard.BOX_MIN_AREA, boxes.minAreaFraction(), ModelCard.BOX_MAX, boxes.maxBoxes()));
            ModelFiles.putValidation(modelPath, intoCard, entry);
            err().println("stored under validation." + intoCard + " in " + ModelFiles.sidecar(modelPath));
        }
        return 0;
    }

    /**
     * The report with the gate's refusal count and, with a site profile, which one and the
     * intervals of the sensitivity and specificity at its threshold.
     */
    static Map<String, Object> withScreening(Map<String, Object> report, EvalSummary pooled, int refused, SiteProfile profile) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(report);
        m.put("refused", refused);
        if (profile != null) {
            int nNeg = pooled.n() - pooled.nPositive();
            if (pooled.sensitivity() != null) {
                m.put("sensitivity_ci95", ci((int) Math.round(pooled.sensitivity() * pooled.nPositive()), pooled.nPositive()));
            }
            if (pooled.specificity() != null) {
                m.put("specificity_ci95", ci((int) Math.round(pooled.specificity() * nNeg), nNeg));
            }
            Map<String, Object> s = new java.util.LinkedHashMap<>();
            s.put("site", profile.site());
            s.put("date", profile.date());
            s.put("threshold", profile.threshold());
            s.put("target_sensitivity", profile.targetSensitivity());
            m.put("site_profile", s);
        }
        return m;
    }

    private static double[] ci(int k, int n) {
        Wilson.Interval i = Wilson.interval95(k, n);
        return new double[] {i.lower(), i.upper()};
    }

    /** The sample, or {@code null} when the input gate refused the image. */
    private EvalSample evaluate(Screening screening, LabeledImageOptions.Listed listed, String group) throws IOException {
        ScreeningResult r = listed.screen(screening, err());
        if (r.refused()) {
            return null;
        }
        Prediction p = r.prediction();
        LabeledImage li = listed.image();
        List<Box> truth = li.positive() ? li.boxes() : List.of();
        return new EvalSample(listed.file().toString(), li.positive(), p.tbProbability(), p.boxes(), p.heatmap(), truth,
                p.heatmap().imageWidth(), p.heatmap().imageHeight(), group);
    }
}
