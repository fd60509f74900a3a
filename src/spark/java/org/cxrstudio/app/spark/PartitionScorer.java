package org.cxrstudio.app.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.TaskKilledException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.screening.ScreeningResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * The {@code mapPartitions} step: file URIs in, one row per file out, lazily (a partition's rows
 * are never all in memory). Each file is read, decoded with the project's readers, and scored by
 * this JVM's shared {@link FilmScorer}. Whatever goes wrong with one file — missing, unreadable,
 * empty, corrupt, an out-of-memory or stack overflow while decoding a hostile file — becomes that
 * file's error row and the task goes on; only a model or gate that cannot load fails the task.
 */
final class PartitionScorer implements FlatMapFunction<Iterator<String>, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionScorer.class);

    private final JobConfig config;
    private final HadoopConf hadoop;

    PartitionScorer(JobConfig config, HadoopConf hadoop) {
        this.config = config;
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<String> files) throws Exception {
        FilmScorer scorer = ModelHolder.get(config);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return files.hasNext();
            }

            @Override
            public Row next() {
                return scoreOne(scorer::score, files.next());
            }
        };
    }

    /** The scoring step, as {@link FilmScorer#score}; a seam for tests. */
    interface Step {
        ScreeningResult score(String name, Radiograph radiograph);
    }

    Row scoreOne(Step scorer, String uri) {
        try {
            Radiograph r = RadiographReader.read(uri, ArchiveFiles.read(uri, hadoop.get()));
            return ScoreSchema.of(uri, scorer.score(uri, r), config.model().sha256());
        } catch (OutOfMemoryError e) {
            return failed(uri, uri + ": out of memory while decoding or scoring (" + e.getMessage() + ")");
        } catch (StackOverflowError e) {
            return failed(uri, uri + ": too deeply nested to decode (stack overflow)");
        } catch (Exception e) {
            TaskContext task = TaskContext.get();
            if (Thread.currentThread().isInterrupted() || (task != null && task.isInterrupted())) {
                throw new TaskKilledException("interrupted while scoring " + uri);
            }
            return failed(uri, describe(uri, e));
        }
    }

    private Row failed(String uri, String message) {
        LOG.warn("{}", message);
        return ScoreSchema.failed(uri, message, config.model().sha256());
    }

    /** One line naming the file and the problem (the readers' messages already start with the file). */
    static String describe(String uri, Exception e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return m.startsWith(uri) ? m : uri + ": " + m;
    }
}
