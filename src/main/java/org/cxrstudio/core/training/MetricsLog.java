package org.cxrstudio.core.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code OUT/metrics.jsonl}: one JSON object per (partial) epoch, rewritten atomically. */
final class MetricsLog {
    static final String FILE = "metrics.jsonl";
    private static final Gson GSON = new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues().create();

    private MetricsLog() { }

    static void write(Path out, List<EpochMetrics> history) throws IOException {
        StringBuilder b = new StringBuilder();
        for (EpochMetrics m : history) {
            b.append(GSON.toJson(m)).append('\n');
        }
        Checkpoints.atomicString(out.resolve(FILE), b.toString());
    }
}
