package org.cxrstudio.core.gatebuild;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cxrstudio.core.gate.ContentRules;
import org.cxrstudio.core.task.CancellationToken;

/**
 * The orientation margin of the validation films, as {@link org.cxrstudio.core.gate.InputGate}
 * computes it, so that its limit is set on validation films only.
 */
final class ValidationRules {
    private ValidationRules() { }

    /** @return the orientation margin of each film */
    static double[] measure(List<Path> films, FeatureRunner runner, Knn knn, CancellationToken cancel)
            throws IOException {
        double[] out = new double[films.size()];
        for (int i = 0; i < films.size(); i++) {
            cancel.throwIfCancelled();
            float[] plane = GateBuilder.plane(films.get(i));
            float[][] v = ContentRules.variants(plane, GateBuilder.INPUT_SIZE);
            double d0 = knn.distance(runner.features(v[0]));
            double best = Double.POSITIVE_INFINITY;
            for (int j = 1; j < v.length; j++) {
                best = Math.min(best, knn.distance(runner.features(v[j])));
            }
            out[i] = d0 - best;
        }
        return out;
    }
}
