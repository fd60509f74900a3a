package org.cxrstudio.app.spark;

import org.cxrstudio.core.imaging.Radiograph;

/**
 * Scores one decoded film: the step a Spark task applies to every file of its partition. One
 * instance per executor JVM, shared by the tasks running there at once, so implementations are
 * thread-safe; {@link #close()} is called once, at JVM shutdown.
 */
interface FilmScorer extends AutoCloseable {
    /**
     * Scores a film or refuses it.
     *
     * @param name the file's URI, for messages
     * @throws Exception when the film cannot be scored; the task records the message as that file's
     *                   error and goes on
     */
    FilmResult score(String name, Radiograph radiograph) throws Exception;

    @Override
    void close();
}
