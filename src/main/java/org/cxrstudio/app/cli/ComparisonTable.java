package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.PairedBootstrap;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code compare-scores} shows a {@link ScoreComparison}: the AUC table (a row per subset, and
 * with several pairs a row per pair before the mean), the mIoU table after it, and the JSON.
 */
final class ComparisonTable {
    private final PrintWriter out;
    private final int pairs;
    private final List<String> miouLines = new ArrayList<>();

    ComparisonTable(PrintWriter out, int pairs) {
        this.out = out;
        this.pairs = pairs;
    }

    /** Names the files of each pair, the resampling, and heads the AUC table. */
    void printHeader(List<Path> files, int resamples, long seed) {
        for (int p = 0; p < pairs; p++) {
            String tag = pairs == 1 ? "" : Integer.toString(p + 1);
            out.printf(Locale.ROOT, "a%s: %s%nb%s: %s%n", tag, files.get(2 * p), tag, files.get(2 * p + 1));
        }
        out.printf(Locale.ROOT, "%d paired resamples, stratified by class, seed %d%s%n", resamples, seed, pairs == 1 ? ""
                : "; 'mean' rows: mean over the " + pairs + " pairs of a - b, all runs scored on each resample's images");
        out.printf(Locale.ROOT, "%-19s %5s %5s %7s %7s %8s  %-18s %s%n", "images", "n", "TB", "AUC a", "AUC b", "a - b",
                "95% interval", "share a better");
    }

    /** Prints the subset's AUC rows now and keeps its mIoU rows for {@link #printMiou()}; returns its JSON. */
    Map<String, Object> add(ScoreComparison.Subset s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", s.name());
        row.put("groups", s.groups() == null ? null : List.copyOf(s.groups()));
        if (s.error() != null) {
            out.printf(Locale.ROOT, "%-19s %5d  n/a: %s%n", s.name(), s.n(), s.error());
            row.put("n", s.n());
            row.put("error", s.error());
        } else {
            if (pairs > 1) {
                List<Map<String, Object>> perPair = new ArrayList<>();
                for (int p = 0; p < pairs; p++) {
                    printAuc(s.name() + " #" + (p + 1), s.aucPerPair().get(p));
                    perPair.add(aucJson(s.aucPerPair().get(p)));
                }
                row.put("per_pair", perPair);
            }
            printAuc(pairs == 1 ? s.name() : s.name() + " mean", s.auc());
            row.putAll(aucJson(s.auc()));
        }
        if (s.miou() != null) {
            if (pairs > 1) {
                List<Map<String, Object>> perPair = new ArrayList<>();
                for (int p = 0; p < pairs; p++) {
                    miouLines.add(miouLine(s.name() + " #" + (p + 1), s.miouPerPair().get(p)));
                    perPair.add(miouJson(s.miouPerPair().get(p)));
                }
                row.put("miou_per_pair", perPair);
            }
            miouLines.add(miouLine(pairs == 1 ? s.name() : s.name() + " mean", s.miou()));
            row.put("miou", miouJson(s.miou()));
        }
        return row;
    }

    /** The mIoU table, when any subset had images with IoUs. */
    void printMiou() {
        if (!miouLines.isEmpty()) {
            out.printf(Locale.ROOT, "%n%-19s %5s %7s %7s %8s  %-18s %s%n", "images", "boxed", "mIoU a", "mIoU b", "a - b",
                    "95% interval", "share a better");
            miouLines.forEach(out::println);
        }
    }

    /** The whole JSON report: the files, the resampling and a row per subset (from {@link #add}). */
    Map<String, Object> json(List<Path> files, int resamples, long seed, List<Map<String, Object>> rows) {
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
        return j;
    }

    private void printAuc(String name, PairedBootstrap.Result r) {
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
        putDifference(mi, m.difference(), m.low(), m.high(), m.shareABetter());
        return mi;
    }

    private static Map<String, Object> aucJson(PairedBootstrap.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("n", r.n());
        row.put("n_positive", r.positives());
        row.put("auc_a", r.aucA());
        row.put("auc_b", r.aucB());
        putDifference(row, r.difference(), r.low(), r.high(), r.shareABetter());
        return row;
    }

    /** What the AUC and the mIoU comparisons both report: a - b, its 95 % interval, and the share of resamples where a did better. */
    private static void putDifference(Map<String, Object> json, double difference, double low, double high, double shareABetter) {
        json.put("difference", difference);
        json.put("ci95", List.of(low, high));
        json.put("share_a_better", shareABetter);
    }
}
