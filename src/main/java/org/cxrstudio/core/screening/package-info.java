/**
 * Screening: the single read → input gate → TB model step shared by the command line, the viewer
 * and batch jobs, with results that are either a refusal (with the gate's reason) or a readable
 * score. Headless.
 */
package org.cxrstudio.core.screening;
