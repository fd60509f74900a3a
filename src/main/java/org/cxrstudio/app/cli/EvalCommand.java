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
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.eval.SourceMapping;
import org.cxrstudio.core.eval.SplitList;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

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
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "M", description = "ONNX model (default: models/student.onnx).")
    Path model;

    @Option(names = "--images", paramLabel = "DIR", required = true, description = "Image folder; repeat with --labels.")
    List<Path> images;

    @Option(names = "--labels", paramLabel = "CSV", required = true, description = "labels.csv (filename,label[,x1,y1,x2,y2][,source...]); 'tb' is positive.")
    List<Path> labels;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the JSON report here.")
    Path json;

    @Option(names = "--group-by", paramLabel = "COLUMN", description = "Add per-group figures, e.g. source (da_db_png/da_db_jpg count as da_db; a CSV without the column groups under its folder name).")
    String groupBy;

    @Option(names = "--raw-groups", description = "Do not merge da_db_png/da_db_jpg into da_db.")
    boolean rawGroups;

    @Option(names = "--shortcut-check", description = "Within each class, AUC of the score separating every pair of sources (grouped by --group-by, default source).")
    boolean shortcut;

    @Option(names = "--split", paramLabel = "FILE", description = "Only images named in this list (one file name per line, or a CSV with filename[,split=val]).")
    Path split;

    @Option(names = "--threshold", paramLabel = "T", description = "Operating threshold on the raw probability (default: the site profile's, else the model card's).")
    Double threshold;

    @Option(names = "--site", paramLabel = "SITE.json", description = "Report sensitivity and specificity at this clinic's threshold (made by calibrate-threshold for this model file).")
    Path site;

    @Option(names = "--device", paramLabel = "auto|cpu|cuda", defaultValue = "auto")
    String device;

    @Option(names = "--scores", paramLabel = "CSV",
            description = "Write per-image file,label,group,score,iou (iou: of the box unions, TB images with expert boxes only).")
    Path scores;

    @Option(names = "--into-card", paramLabel = "KEY", description = "Also store the report under validation.KEY in the model's sidecar card (with the command line).")
    String intoCard;

    @Mixin
    BoxOptions boxOptions;

    @Mixin
    GateOptions gateOptions;

    @Override
    public Integer call() throws IOException {
        if (images.size() != labels.size()) {
            throw new ParameterException(spec.commandLine(), images.size() + " --images but " + labels.size()
                    + " --labels: give them in pairs");
        }
        DevicePreference pref = DevicePreference.parse(device);
        Set<String> keep = split == null ? null : SplitList.read(split);
        SourceMapping mapping = rawGroups ? SourceMapping.IDENTITY : SourceMapping.DEFAULT;
        String groupColumn = groupBy != null ? groupBy : "source";
        Path modelPath = ModelPaths.resolve(model, ModelPaths.STUDENT);
        SiteProfile profile = site == null ? null : SiteProfile.read(site);
        List<EvalSample> samples = new ArrayList<>();
        int refused = 0;
        boolean localize = false;
        double t;
        BoxParams boxes;
        try (InputGate gate = gateOptions.open(); TbModel m = TbModel.load(modelPath, pref)) {
            PostProcessing post = Screening.postProcessing(m, threshold, profile);
            post = post.withBoxes(boxOptions.apply(post.boxes()));
            Screening screening = new Screening(gate, m, post);
            t = screening.threshold();
            boxes = post.boxes();
            spec.commandLine().getErr().println("model " + modelPath + " on " + m.device() + " (" + m.deviceReason() + ")");
            spec.commandLine().getErr().println(boxOptions.describe(post.boxes(), m.card()));
            for (int i = 0; i < images.size(); i++) {
                LabelsCsv csv = LabelsCsv.read(labels.get(i));
                localize |= csv.hasBoxColumns();
                for (LabeledImage li : csv.images()) {
                    if (keep != null && !keep.contains(Path.of(li.filename()).getFileName().toString())) {
                        continue;
                    }
                    EvalSample sample = evaluate(screening, images.get(i).resolve(li.filename()), li,
                            csv.groupOf(li, groupColumn, mapping));
                    if (sample == null) {
                        refused++;
                        continue;
                    }
                    samples.add(sample);
                    if (samples.size() % 100 == 0) {
                        spec.commandLine().getErr().println("  " + samples.size() + " images");
                    }
                }
            }
        }
        if (samples.isEmpty()) {
            throw new IOException("no images to evaluate" + (split != null ? " (none of the labelled images is in " + split + ")" : "")
                    + (refused > 0 ? " (" + refused + " refused by the input gate)" : ""));
        }
        if (refused > 0) {
            spec.commandLine().getErr().println(refused + " image(s) refused by the input gate and left out of the figures");
        }
        EvalSummary pooled = Evaluator.pooled(samples, t, localize);
        Map<String, EvalSummary> groups = groupBy != null ? Evaluator.byGroup(samples, t, localize) : null;
        List<ShortcutCheck.Pair> pairs = shortcut ? ShortcutCheck.run(samples) : null;
        EvalReport report = new EvalReport(pooled, groups, pairs);
        Map<String, Object> out = withScreening(report.toJsonMap(), pooled, refused, profile);
        spec.commandLine().getOut().println(JsonOut.PRETTY.toJson(out));
        if (json != null) {
            JsonOut.write(json, out);
        }
        if (scores != null) {
            ScoresFile.write(scores, samples);
        }
        if (intoCard != null) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>(out);
            entry.put("command", String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            entry.put("boxes", Map.of(ModelCard.BOX_THRESHOLD, boxes.relativeThreshold(),
                    ModelCard.BOX_MIN_AREA, boxes.minAreaFraction(), ModelCard.BOX_MAX, boxes.maxBoxes()));
            ModelFiles.putValidation(modelPath, intoCard, entry);
            spec.commandLine().getErr().println("stored under validation." + intoCard + " in " + ModelFiles.sidecar(modelPath));
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
    private EvalSample evaluate(Screening screening, Path file, LabeledImage li, String group) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": listed in the labels CSV but not found");
        }
        ScreeningResult r = screening.screen(file);
        if (r.isError()) {
            throw new IOException(r.error());
        }
        if (r.refused()) {
            spec.commandLine().getErr().println("  refused: " + file + ": " + r.refusalMessage());
            return null;
        }
        Prediction p = r.prediction();
        List<Box> truth = li.positive() ? li.boxes() : List.of();
        return new EvalSample(file.toString(), li.positive(), p.tbProbability(), p.boxes(), p.heatmap(), truth,
                p.heatmap().imageWidth(), p.heatmap().imageHeight(), group);
    }
}
