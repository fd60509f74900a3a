/**
 * "Open from PACS…": configure DICOMweb servers, search studies, list their series and retrieve one
 * into the local cache, then open it in the normal viewer. {@link org.cxrstudio.ui.pacs.PacsViewModel}
 * holds the state (toolkit-free), {@link org.cxrstudio.ui.pacs.PacsView} draws it.
 */
package org.cxrstudio.ui.pacs;
