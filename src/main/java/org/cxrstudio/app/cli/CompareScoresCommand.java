package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.PairedBootstrap;
import org.cxrstudio.core.eval.ScoresFile;
import org.cxrstudio.core.eval.ScoresFile.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare-scores}: is model a's AUC really higher than model b's on these images? Reads the
 * per-image scores that {@code eval --scores} wrote for both models on the same images and
 * reports the AUC difference with a paired, class-stratified bootstrap 95 % interval
 * ({@link PairedBootstrap}), on all images and on named subsets of groups; where both files hold
 * per-image IoUs (TB images with expert boxes), the mIoU difference the same way. Several pairs
 * compare two recipes run several times (seeds): the mean over the pairs of the differences.
 * Reading is {@link ScoresCsv}, the statistics {@link ScoreComparison}, the output {@link ComparisonTable}.
 */
@Command(name = "compare-scores", mixinStandardHelpOptions = true,
        description = "AUC and mIoU difference of two models on the same images, with a paired bootstrap 95%% "
                + "interval, from the per-image scores of 'eval --scores'.")
final class CompareScoresCommand extends CliCommand {
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

    @Mixin
    JsonFileOption json;

    /** Every file against the first: the same images with the same labels. */
    private void requireSameImages(List<Map<String, Score>> a, List<Map<String, Score>> b) {
        for (int f = 1; f < files.size(); f++) {
            ScoresFile.requireSameImages(files.get(0), a.get(0), files.get(f), f % 2 == 0 ? a.get(f / 2) : b.get(f / 2));
        }
    }

    @Override
    public Integer call() throws IOException {
        if (files.size() % 2 != 0) {
            throw new IllegalArgumentException("scores files come in pairs (a b [a2 b2 ...]), got " + files.size());
        }
        OutputPaths.requireNotAnInput("--json", json.path, files);
        int pairs = files.size() / 2;
        List<Map<String, Score>> a = new ArrayList<>();
        List<Map<String, Score>> b = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            a.add(ScoresFile.read(files.get(2 * p)));
            b.add(ScoresFile.read(files.get(2 * p + 1)));
        }
        try {
            requireSameImages(a, b);
        } catch (IllegalArgumentException asWritten) {
            // the same images may be named differently (relative in one file, absolute in another)
            List<Map<String, Score>> a2 = new ArrayList<>();
            List<Map<String, Score>> b2 = new ArrayList<>();
            try {
                for (int p = 0; p < pairs; p++) {
                    a2.add(ScoresFile.byImage(files.get(2 * p), a.get(p)));
                    b2.add(ScoresFile.byImage(files.get(2 * p + 1), b.get(p)));
                }
                requireSameImages(a2, b2);
            } catch (IllegalArgumentException stillDifferent) {
                throw asWritten;
            }
            a = a2;
            b = b2;
        }
        Map<String, Set<String>> groups = subsets();
        ScoreComparison comparison = new ScoreComparison(a, b, resamples, seed);
        ComparisonTable table = new ComparisonTable(out(), pairs);
        table.printHeader(files, resamples, seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Set<String>> g : groups.entrySet()) {
            rows.add(table.add(comparison.compare(g.getKey(), g.getValue())));
        }
        table.printMiou();
        json.write(table.json(files, resamples, seed, rows));
        return 0;
    }

    /** "all" (every image, {@code null}) and the {@code --subset} groups by name, in order. */
    private Map<String, Set<String>> subsets() {
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
        return groups;
    }
}
