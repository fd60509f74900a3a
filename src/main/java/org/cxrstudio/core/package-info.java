/**
 * Headless core of CXR Studio: no JavaFX, no UI. Sub-packages are slices with no cycles between them.
 */
package org.cxrstudio.core;
