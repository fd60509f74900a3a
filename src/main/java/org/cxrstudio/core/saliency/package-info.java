/**
 * Class activation maps turned into heatmaps in image-pixel coordinates, and boxes (findings) derived from them by thresholding and connected components.
 */
package org.cxrstudio.core.saliency;
