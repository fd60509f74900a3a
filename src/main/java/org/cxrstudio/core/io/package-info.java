/**
 * Small file and byte helpers shared by every core package (JDK only, no dependencies on other
 * core packages): {@link org.cxrstudio.core.io.Sha256}.
 */
package org.cxrstudio.core.io;
