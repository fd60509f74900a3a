package org.cxrstudio.app.spark;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;

import java.nio.file.Path;

/**
 * Scores with a {@link TbModel} and the card's post-processing, as {@code predict} does.
 * Thread-safe (ONNX Runtime sessions take concurrent runs).
 */
final class TbModelScorer implements FilmScorer {
    private final TbModel model;
    private final PostProcessing post;

    private TbModelScorer(TbModel model, PostProcessing post) {
        this.model = model;
        this.post = post;
    }

    /**
     * @param threshold      operating threshold, or {@code null} for the card's
     * @param intraOpThreads ONNX Runtime threads per prediction, {@code 0} for its default
     */
    static TbModelScorer load(Path onnx, Double threshold, int intraOpThreads) throws ModelLoadException {
        TbModel m = TbModel.load(onnx, DevicePreference.CPU, intraOpThreads);
        return new TbModelScorer(m, m.postProcessing().withThreshold(threshold));
    }

    @Override
    public FilmResult score(String name, Radiograph radiograph) throws Exception {
        Prediction p = model.predict(radiograph, post);
        return new FilmResult(p.tbProbability(), p.tbProbability(), p.threshold(), p.positive(), null, p.boxes());
    }

    @Override
    public void close() {
        model.close();
    }
}
