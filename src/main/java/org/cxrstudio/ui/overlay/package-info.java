/**
 * AI overlays: a model slot (load a model, run it on the open image in the background, live
 * threshold), overlay options, colour tables, and the layer that draws heatmap and boxes in
 * image coordinates.
 */
package org.cxrstudio.ui.overlay;
