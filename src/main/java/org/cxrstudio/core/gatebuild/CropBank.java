package org.cxrstudio.core.gatebuild;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.ModelInput;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.task.CancellationToken;

/**
 * Features of parts of bank films (a corner at 35/45/55 % of the side, or one lung field),
 * enlarged back to film size: the second bank that tells a heavily cropped or zoomed-in film
 * from a whole one. Made from bank films only, so validation and test films stay unseen.
 */
final class CropBank {
    /** One crop of every {@value}-th bank film. */
    static final int EVERY = 2;
    private static final double[][] CROPS = {
        {0, 0, 0.45}, {0.55, 0, 0.45}, {0, 0.55, 0.45}, {0.55, 0.55, 0.45},
        {0, 0, 0.35}, {0.65, 0, 0.35}, {0, 0, 0.55}, {0.45, 0.45, 0.55},
        {0, 0.15, 0.5}, {0.5, 0.15, 0.5}, {0.25, 0.25, 0.5}, {0.35, 0.05, 0.3},
    };

    private CropBank() { }

    static List<float[]> features(List<Path> bankFilms, FeatureRunner runner, FeatureCache cache,
                                  CancellationToken cancel) throws IOException {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < bankFilms.size(); i += EVERY) {
            cancel.throwIfCancelled();
            double[] c = CROPS[(i / EVERY) % CROPS.length];
            Path p = bankFilms.get(i);
            String key = "crop:" + GateBuilder.key(p) + ":" + c[0] + "," + c[1] + "," + c[2];
            float[] f = cache.get(key);
            if (f == null) {
                GrayImage g = DisplayPipeline.render(RadiographReader.read(p), null, false);
                f = runner.features(ModelInput.resize(Negatives.crop(g, c[0], c[1], c[2], g.width()),
                        GateBuilder.INPUT_SIZE));
                cache.put(key, f);
            }
            out.add(f);
        }
        return out;
    }
}
