/**
 * A printable PDF report of one scored film (PDFBox): the overlay, the score against the
 * threshold, the boxes, the model and gate facts, the date and the CAD disclaimer; de-identified
 * unless the user asks for the patient's name and ID. Headless.
 */
package org.cxrstudio.core.report;
