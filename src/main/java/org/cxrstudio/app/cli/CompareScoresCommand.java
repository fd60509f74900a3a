package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.OneClassException;
import org.cxrstudio.core.eval.PairedBootstrap;
import org.cxrstudio.core.eval.ScoresFile;
import org.cxrstudio.core.eval.ScoresFile.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code compare-scores}: is model a's AUC really higher than model b's on these images? Reads the
 * per-image scores that {@code eval --scores} wrote for both models on the same images and
 * reports the AUC difference with a paired, class-stratified bootstrap 95 % interval
 * ({@link PairedBootstrap}), on all images and on named subsets of groups; where both files hold
 * per-image IoUs (TB images with expert boxes), the mIoU difference the same way. Several pairs
 * compare two recipes run several times (seeds): the mean over the pairs of the differences.
 */
@Command(name = "compare-scores", mixinStandardHelpOptions = true,
        description = "AUC difference of two models on the same images, with a paired bootstrap 95%% interval, "
                + "from the per-image scores of 'eval --scores'.")
final class CompareScoresCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "SCORES.csv",
            description = "Model a's and model b's scores (eval --scores); more pairs A2 B2 ... compare two recipes "
                    + "run several times (e.g. seeds): the mean over the pairs of a - b, every run scored on the same "
                    + "resampled images.")
    List<Path> files;

    @Option(names = "--subset", paramLabel = "NAME=GROUP[,GROUP...]",
            description = "Also compare on the images of these groups (e.g. same-source=shenzhen,montgomery,da_db).")
    List<String> subsets = new ArrayList<>();

    @Option(names = "--resamples", defaultValue = "2000", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "Resampling seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "OUT")
    Path json;

    @Override
    public Integer call() throws IOException {
        if (files.size() % 2 != 0) {
            throw new IllegalArgumentException("scores files come in pairs (a b [a2 b2 ...]), got " + files.size());
        }
        int pairs = files.size() / 2;
        List<Map<String, Score>> a = new ArrayList<>();
        List<Map<String, Score>> b = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            a.add(ScoresFile.read(files.get(2 * p)));
            b.add(ScoresFile.read(files.get(2 * p + 1)));
        }
        for (int f = 1; f < files.size(); f++) {
            pairUp(files.get(0), a.get(0), files.get(f), f % 2 == 0 ? a.get(f / 2) : b.get(f / 2));
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        groups.put("all", null);
        for (String s : subsets) {
            int eq = s.indexOf('=');
            if (eq < 1 || eq == s.length() - 1) {
                throw new IllegalArgumentException("--subset must be NAME=GROUP[,GROUP...], got '" + s + "'");
            }
            String name = s.substring(0, eq);
            if (groups.containsKey(name)) {
                throw new IllegalArgumentException("--subset name '" + name + "' is used twice ('all' is taken)");
            }
            groups.put(name, new LinkedHashSet<>(List.of(s.substring(eq + 1).split(","))));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int p = 0; p < pairs; p++) {
            String tag = pairs == 1 ? "" : Integer.toString(p + 1);
            out.printf(Locale.ROOT, "a%s: %s%nb%s: %s%n", tag, files.get(2 * p), tag, files.get(2 * p + 1));
        }
        out.printf(Locale.ROOT, "%d paired resamples, stratified by class, seed %d%s%n", resamples, seed, pairs == 1 ? ""
                : "; 'mean' rows: mean over the " + pairs + " pairs of a - b, all runs scored on each resample's images");
        out.printf(Locale.ROOT, "%-19s %5s %5s %7s %7s %8s  %-18s %s%n", "images", "n", "TB", "AUC a", "AUC b", "a - b",
                "95% interval", "share a better");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> ious = new ArrayList<>();
        Map<String, Score> first = a.get(0);
        for (Map.Entry<String, Set<String>> g : groups.entrySet()) {
            List<String> keys = first.keySet().stream()
                    .filter(k -> g.getValue() == null || g.getValue().contains(first.get(k).group())).toList();
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("subset '" + g.getKey() + "': no image is in groups " + g.getValue());
            }
            boolean[] pos = new boolean[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                pos[i] = first.get(keys.get(i)).positive();
            }
            double[][] sa = scores(a, keys);
            double[][] sb = scores(b, keys);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", g.getKey());
            row.put("groups", g.getValue() == null ? null : List.copyOf(g.getValue()));
            try {
                if (pairs > 1) {
                    List<Map<String, Object>> perPair = new ArrayList<>();
                    for (int p = 0; p < pairs; p++) {
                        PairedBootstrap.Result r = PairedBootstrap.aucDifference(pos, sa[p], sb[p], resamples, seed);
                        printAuc(out, g.getKey() + " #" + (p + 1), r);
                        perPair.add(aucJson(r));
                    }
                    row.put("per_pair", perPair);
                }
                PairedBootstrap.Result r = PairedBootstrap.aucDifference(pos, sa, sb, resamples, seed);
                printAuc(out, pairs == 1 ? g.getKey() : g.getKey() + " mean", r);
                row.putAll(aucJson(r));
            } catch (OneClassException e) {
                out.printf(Locale.ROOT, "%-19s %5d  n/a: %s%n", g.getKey(), keys.size(), e.getMessage());
                row.put("n", keys.size());
                row.put("error", e.getMessage());
            }
            List<String> localized = keys.stream().filter(k -> a.stream().allMatch(m -> m.get(k).iou() != null)
                    && b.stream().allMatch(m -> m.get(k).iou() != null)).toList();
            if (!localized.isEmpty()) {
                if (pairs > 1) {
                    List<Map<String, Object>> perPair = new ArrayList<>();
                    for (int p = 0; p < pairs; p++) {
                        Map<String, Score> ap = a.get(p);
                        Map<String, Score> bp = b.get(p);
                        PairedBootstrap.MeanResult m = PairedBootstrap.meanDifference(
                                localized.stream().mapToDouble(k -> ap.get(k).iou()).toArray(),
                                localized.stream().mapToDouble(k -> bp.get(k).iou()).toArray(), resamples, seed);
                        ious.add(miouLine(g.getKey() + " #" + (p + 1), m));
                        perPair.add(miouJson(m));
                    }
                    row.put("miou_per_pair", perPair);
                }
                // the mean over the pairs of mIoU(a) - mIoU(b) is the mean over the images of the runs' mean IoUs' difference
                double[] ia = localized.stream().mapToDouble(k -> a.stream().mapToDouble(m -> m.get(k).iou()).average()
                        .orElseThrow()).toArray();
                double[] ib = localized.stream().mapToDouble(k -> b.stream().mapToDouble(m -> m.get(k).iou()).average()
                        .orElseThrow()).toArray();
                PairedBootstrap.MeanResult m = PairedBootstrap.meanDifference(ia, ib, resamples, seed);
                ious.add(miouLine(pairs == 1 ? g.getKey() : g.getKey() + " mean", m));
                row.put("miou", miouJson(m));
            }
            rows.add(row);
        }
        if (!ious.isEmpty()) {
            out.printf(Locale.ROOT, "%n%-19s %5s %7s %7s %8s  %-18s %s%n", "images", "boxed", "mIoU a", "mIoU b", "a - b",
                    "95% interval", "share a better");
            ious.forEach(out::println);
        }
        if (json != null) {
            Map<String, Object> j = new LinkedHashMap<>();
            List<String> as = new ArrayList<>();
            List<String> bs = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                as.add(files.get(2 * p).toString());
                bs.add(files.get(2 * p + 1).toString());
            }
            j.put("a", pairs == 1 ? as.get(0) : as);
            j.put("b", pairs == 1 ? bs.get(0) : bs);
            j.put("resamples", resamples);
            j.put("seed", seed);
            j.put("subsets", rows);
            JsonOut.write(json, j);
        }
        return 0;
    }

    private static double[][] scores(List<Map<String, Score>> runs, List<String> keys) {
        double[][] s = new double[runs.size()][keys.size()];
        for (int p = 0; p < runs.size(); p++) {
            for (int i = 0; i < keys.size(); i++) {
                s[p][i] = runs.get(p).get(keys.get(i)).score();
            }
        }
        return s;
    }

    private static void printAuc(PrintWriter out, String name, PairedBootstrap.Result r) {
        out.printf(Locale.ROOT, "%-19s %5d %5d %7.3f %7.3f %+8.3f  [%+.3f, %+.3f]    %.2f%n", name, r.n(), r.positives(),
                r.aucA(), r.aucB(), r.difference(), r.low(), r.high(), r.shareABetter());
    }

    private static String miouLine(String name, PairedBootstrap.MeanResult m) {
        return String.format(Locale.ROOT, "%-19s %5d %7.3f %7.3f %+8.3f  [%+.3f, %+.3f]    %.2f", name, m.n(), m.meanA(),
                m.meanB(), m.difference(), m.low(), m.high(), m.shareABetter());
    }

    private static Map<String, Object> miouJson(PairedBootstrap.MeanResult m) {
        Map<String, Object> mi = new LinkedHashMap<>();
        mi.put("n", m.n());
        mi.put("miou_a", m.meanA());
        mi.put("miou_b", m.meanB());
        mi.put("difference", m.difference());
        mi.put("ci95", List.of(m.low(), m.high()));
        mi.put("share_a_better", m.shareABetter());
        return mi;
    }

    private static Map<String, Object> aucJson(PairedBootstrap.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", r.n());
        row.put("n_positive", r.positives());
        row.put("auc_a", r.aucA());
        row.put("auc_b", r.aucB());
        row.put("difference", r.difference());
        row.put("ci95", List.of(r.low(), r.high()));
        row.put("share_a_better", r.shareABetter());
        return row;
    }

    /** Every file must score the same images with the same labels as the first. */
    private static void pairUp(Path fileA, Map<String, Score> a, Path fileB, Map<String, Score> b) {
        List<String> onlyA = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        List<String> onlyB = b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            throw new IllegalArgumentException(fileA + " and " + fileB + " score different images: "
                    + onlyA.size() + " only in the first" + (onlyA.isEmpty() ? "" : " (e.g. " + onlyA.get(0) + ")") + ", "
                    + onlyB.size() + " only in the second" + (onlyB.isEmpty() ? "" : " (e.g. " + onlyB.get(0) + ")"));
        }
        for (String k : a.keySet()) {
            if (a.get(k).positive() != b.get(k).positive()) {
                throw new IllegalArgumentException(k + ": labelled '" + a.get(k).label() + "' in " + fileA
                        + " but '" + b.get(k).label() + "' in " + fileB);
            }
        }
    }
}
