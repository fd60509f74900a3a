package org.cxrstudio.app.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * What every task needs to score, shipped with the job to the executors (serialised into each
 * task). The model files themselves travel with {@code SparkContext.addFile} and are found on the
 * executor by file name through {@code SparkFiles.get}; their SHA-256 is checked there.
 *
 * @param model          the TB model as shipped
 * @param gate           the input gate model as shipped, or {@code null} for no content network
 * @param gateRulesOnly  with no gate model: apply the gate's header, size and colour rules ({@code true})
 *                       or no gate at all ({@code false}, research use)
 * @param threshold      operating threshold on the raw probability (the site profile's when one was
 *                       given), or {@code null} for the card's
 * @param intraOpThreads ONNX Runtime threads per prediction ({@code 0} = its default); 1 when each
 *                       executor core runs its own task
 */
record JobConfig(ShippedFile model, ShippedFile gate, boolean gateRulesOnly, Double threshold, int intraOpThreads)
        implements Serializable {
    /** A file added to the job: its name among the job's files and the driver's SHA-256 of it. */
    record ShippedFile(String name, String sha256) implements Serializable {
        ShippedFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    JobConfig {
        Objects.requireNonNull(model, "model");
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("ORT threads must be >= 0, got " + intraOpThreads);
        }
    }

    /** One scorer per distinct value of this key in an executor JVM. */
    String cacheKey() {
        return model.sha256() + "|" + (gate != null ? gate.sha256() : gateRulesOnly ? "rules" : "off") + "|" + threshold + "|" + intraOpThreads;
    }
}
