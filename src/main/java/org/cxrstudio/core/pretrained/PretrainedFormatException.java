package org.cxrstudio.core.pretrained;

import java.io.IOException;

/**
 * A weights file is not what it claims to be: not a TFLite flatbuffer, truncated, with offsets or
 * lengths out of range, or not the expected network. The message names the file and the problem.
 */
public class PretrainedFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public PretrainedFormatException(String message) {
        super(message);
    }
}
