/**
 * JavaFX views and their view models. Views bind to view models; only view models touch {@code core} services. Never imported by {@code core}.
 */
package org.cxrstudio.ui;
