/** The main window: menu, toolbar, side panels, status bar, recent files. */
package org.cxrstudio.ui.shell;
