package org.cxrstudio.app.spark;

import org.cxrstudio.core.inference.ModelLoadException;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What every task needs to score, shipped with the job to the executors (serialised into each
 * task). The model file itself travels with {@code SparkContext.addFile} and is found on the
 * executor by its file name through {@code SparkFiles.get}; its SHA-256 is checked there.
 *
 * @param modelFileName  the model's file name as added to the job, e.g. {@code student.onnx}
 * @param modelSha256    hex SHA-256 of the model file on the driver
 * @param threshold      operating threshold override, or {@code null} for the card's (or the site's)
 * @param intraOpThreads ONNX Runtime threads per prediction ({@code 0} = its default); 1 when each
 *                       executor core runs its own task
 */
record JobConfig(String modelFileName, String modelSha256, Double threshold, int intraOpThreads)
        implements Serializable {
    JobConfig {
        Objects.requireNonNull(modelFileName, "modelFileName");
        Objects.requireNonNull(modelSha256, "modelSha256");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("ORT threads must be >= 0, got " + intraOpThreads);
        }
    }

    /** One scorer per distinct value of this key in an executor JVM. */
    String cacheKey() {
        return modelSha256 + "|" + threshold + "|" + intraOpThreads;
    }

    /** Opens the scorer on the executor's local copy of the model. */
    FilmScorer open(Path localModel) throws ModelLoadException {
        return TbModelScorer.load(localModel, threshold, intraOpThreads);
    }
}
