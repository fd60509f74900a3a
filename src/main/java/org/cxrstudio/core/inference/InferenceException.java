package org.cxrstudio.core.inference;

import java.io.IOException;

/** A loaded model failed on one input, or returned outputs that make no sense; the message says which. */
public class InferenceException extends IOException {
    private static final long serialVersionUID = 1L;

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public InferenceException(String message) {
        super(message);
    }
}
