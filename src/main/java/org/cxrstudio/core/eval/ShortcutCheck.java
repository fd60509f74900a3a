package org.cxrstudio.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Does the score encode the hospital? Within one class (TB, or non-TB), for every pair of
 * sources, the ROC AUC of the model score separating source A from source B. Near 0.5 the
 * score carries no source information; far from 0.5 in either direction it does (see
 * {@link Pair#separability()}). Pure, thread-safe.
 */
public final class ShortcutCheck {
    /** Class names used in the report. */
    public static final String TB = "tb";
    public static final String NON_TB = "non_tb";

    private ShortcutCheck() { }

    /**
     * One source pair within one class.
     *
     * @param label   {@value #TB} or {@value #NON_TB}
     * @param sourceA first source (alphabetical)
     * @param sourceB second source
     * @param nA      images of {@code sourceA} in the class
     * @param nB      images of {@code sourceB} in the class
     * @param auc     P(score of an A image &gt; score of a B image), ties ½
     */
    public record Pair(String label, String sourceA, String sourceB, int nA, int nB, double auc) {
        /** {@code max(auc, 1 - auc)}: 0.5 = no source information, 1 = sources perfectly apart. */
        public double separability() {
            return Math.max(auc, 1 - auc);
        }
    }

    /**
     * All pairs, using {@link EvalSample#group()} as the source; classes with fewer than two
     * sources contribute nothing.
     */
    public static List<Pair> run(List<EvalSample> samples) {
        List<Pair> out = new ArrayList<>();
        for (boolean cls : new boolean[] {true, false}) {
            Map<String, List<Double>> bySource = new TreeMap<>();
            for (EvalSample s : samples) {
                if (s.positive() == cls) {
                    bySource.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s.score());
                }
            }
            List<String> sources = new ArrayList<>(bySource.keySet());
            for (int i = 0; i < sources.size(); i++) {
                for (int j = i + 1; j < sources.size(); j++) {
                    List<Double> a = bySource.get(sources.get(i));
                    List<Double> b = bySource.get(sources.get(j));
                    out.add(new Pair(cls ? TB : NON_TB, sources.get(i), sources.get(j), a.size(), b.size(), auc(a, b)));
                }
            }
        }
        return out;
    }

    private static double auc(List<Double> a, List<Double> b) {
        double[] scores = new double[a.size() + b.size()];
        boolean[] isA = new boolean[scores.length];
        for (int i = 0; i < a.size(); i++) {
            scores[i] = a.get(i);
            isA[i] = true;
        }
        for (int i = 0; i < b.size(); i++) {
            scores[a.size() + i] = b.get(i);
        }
        return Metrics.auc(scores, isA);
    }
}
