package org.cxrstudio.core.pacs;

/**
 * One series found by QIDO-RS; text fields are empty when absent.
 *
 * @param studyUid      Study Instance UID
 * @param seriesUid     Series Instance UID
 * @param modality      e.g. {@code CR}, {@code SR}
 * @param number        Series Number, or -1
 * @param description   Series Description
 * @param instanceCount Number of Series Related Instances, or -1 if unknown
 */
public record SeriesSummary(String studyUid, String seriesUid, String modality, int number, String description,
                            int instanceCount) { }
