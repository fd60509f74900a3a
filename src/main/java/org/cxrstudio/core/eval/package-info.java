/**
 * Evaluation: ROC AUC, operating points, localisation (IoU, mIoU, box recall, Dice), per-group figures and the source-shortcut check. Pure Java, no DJL.
 */
package org.cxrstudio.core.eval;
