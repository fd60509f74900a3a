/**
 * The JavaFX application: composition root of the viewer (wires core services into the UI view
 * models) and user preferences.
 */
package org.cxrstudio.app.gui;
