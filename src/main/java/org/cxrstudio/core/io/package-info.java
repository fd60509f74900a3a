/**
 * Small file, byte and text helpers shared by every core package (JDK only, no dependencies on other
 * core packages): {@link org.cxrstudio.core.io.Sha256}, {@link org.cxrstudio.core.io.Strings},
 * {@link org.cxrstudio.core.io.JsonNesting}, {@link org.cxrstudio.core.io.IoErrors}.
 */
package org.cxrstudio.core.io;
