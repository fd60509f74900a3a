/**
 * Compare mode: two models on the same image side by side, with synchronised zoom, pan and
 * window/level, and agreement figures (scores, decision at each threshold, box IoU, heatmap
 * correlation).
 */
package org.cxrstudio.ui.compare;
