/**
 * Progress reporting and cooperative cancellation for long work in {@code core}. JDK only, so every core service can take them and the UI can wrap them.
 */
package org.cxrstudio.core.task;
