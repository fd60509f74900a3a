/**
 * Entry points (GUI launcher and command line), the composition root and user preferences. Depends on {@code ui} and {@code core}; nothing depends on it.
 */
package org.cxrstudio.app;
