package org.cxrstudio.core.inference;

import java.io.IOException;

/** A model file could not be used; the message names the file and the problem. */
public class ModelLoadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
