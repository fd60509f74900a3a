package org.cxrstudio.core.dicom;

/**
 * A parsed Part 10 file.
 *
 * @param preamble          the file had the 128-byte preamble and {@code DICM} prefix
 * @param transferSyntaxUid from the meta header, or {@code null} when there was none (the
 *                          encoding was then guessed from the first element)
 * @param meta              group 0002 elements (may be empty)
 * @param dataset           the main dataset, up to and including Pixel Data
 */
public record DicomFile(boolean preamble, String transferSyntaxUid, DicomDataset meta, DicomDataset dataset) { }
