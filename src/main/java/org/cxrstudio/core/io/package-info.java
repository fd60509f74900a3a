/**
 * Small file, byte and text helpers shared by every core package (JDK only, no dependencies on other
 * core packages): {@link org.cxrstudio.core.io.Sha256}, {@link org.cxrstudio.core.io.Strings}.
 */
package org.cxrstudio.core.io;
