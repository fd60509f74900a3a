/**
 * Headless radiograph model: {@link org.cxrstudio.core.imaging.Radiograph} (stored pixels plus the metadata needed to display them), the display pipeline shared by the viewer and the models (modality LUT, VOI window, MONOCHROME1 inversion, 8-bit output), and readers for DICOM, PNG and JPEG sniffed from content.
 */
package org.cxrstudio.core.imaging;
