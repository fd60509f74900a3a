/**
 * Background work for the UI: an executor abstraction with a JavaFX {@code Task} implementation
 * and a synchronous one for tests.
 */
package org.cxrstudio.ui.task;
