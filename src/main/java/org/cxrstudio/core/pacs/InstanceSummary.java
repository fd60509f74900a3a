package org.cxrstudio.core.pacs;

/**
 * One instance found by QIDO-RS; text fields are empty when absent.
 *
 * @param studyUid    Study Instance UID
 * @param seriesUid   Series Instance UID
 * @param sopUid      SOP Instance UID
 * @param sopClassUid SOP Class UID
 * @param number      Instance Number, or -1
 */
public record InstanceSummary(String studyUid, String seriesUid, String sopUid, String sopClassUid, int number) { }
