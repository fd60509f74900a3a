package org.cxrstudio.app.spark;

import org.apache.spark.SparkFiles;
import org.cxrstudio.core.inference.ModelFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The scorers of this executor JVM: each model (by SHA-256 and settings) is loaded once, on first
 * use by any task, then shared by every later task and partition in the JVM, and closed when the
 * JVM exits. Loading a model per partition would cost a session start each time (about a second);
 * the shape follows DJL's Spark extension. Thread-safe: tasks of one executor run in parallel
 * threads and the scorers take concurrent calls.
 */
final class ModelHolder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);
    private static final Map<String, FilmScorer> SCORERS = new HashMap<>();
    private static boolean hooked;

    private ModelHolder() { }

    /**
     * The scorer for {@code config}, loading the model from the job's files on first use.
     *
     * @throws IOException when the executor's copy of the model is missing or its SHA-256 differs
     *                     from the driver's, or the model does not load: the task fails, since no
     *                     file could be scored
     */
    static synchronized FilmScorer get(JobConfig config) throws IOException {
        FilmScorer s = SCORERS.get(config.cacheKey());
        if (s != null) {
            return s;
        }
        Path model = fetched(config.model());
        Path gate = config.gate() == null ? null : fetched(config.gate());
        s = FilmScorer.open(model, gate, config.gateRulesOnly(), config.threshold(), config.intraOpThreads());
        SCORERS.put(config.cacheKey(), s);
        LOG.info("loaded {} (gate {}) for this executor", model, gate != null ? gate : config.gateRulesOnly() ? "rules only" : "off");
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ModelHolder::closeAll, "cxr-model-close"));
            hooked = true;
        }
        return s;
    }

    /** The executor's copy of a job file, checked against the driver's SHA-256. */
    private static Path fetched(JobConfig.ShippedFile f) throws IOException {
        Path local = Path.of(SparkFiles.get(f.name()));
        if (!Files.isRegularFile(local)) {
            throw new IOException(f.name() + ": not among the job's files on this executor (" + local + ")");
        }
        String sha = ModelFiles.sha256(local);
        if (!sha.equalsIgnoreCase(f.sha256())) {
            throw new IOException(local + ": SHA-256 " + sha + " differs from the driver's copy (" + f.sha256() + ")");
        }
        return local;
    }

    /** Closes every scorer (at JVM exit; also usable when a driver in local mode is done). */
    static synchronized void closeAll() {
        for (FilmScorer s : SCORERS.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a scorer", e);
            }
        }
        SCORERS.clear();
    }
}
