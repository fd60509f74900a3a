/**
 * The image viewer: opened image state, viewport transform, fast window/level LUT and the image
 * canvas view.
 */
package org.cxrstudio.ui.viewer;
