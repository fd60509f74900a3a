/**
 * Working with a clinic's archive: a DICOMweb client ({@link org.cxrstudio.core.pacs.DicomWebClient}: QIDO-RS
 * search, WADO-RS retrieve streamed into a local cache, STOW-RS store) and the DICOM objects the app writes
 * back (a Comprehensive SR with the CAD result, a Secondary Capture of the overlay). Headless; JDK HTTP client.
 */
package org.cxrstudio.core.pacs;
