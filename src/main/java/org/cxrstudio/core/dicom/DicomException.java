package org.cxrstudio.core.dicom;

import java.io.IOException;

/**
 * A DICOM file is malformed, truncated, exceeds a safety limit or uses an unsupported
 * encoding. The message is one line naming the file and the problem.
 */
public class DicomException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomException(String message) {
        super(message);
    }

    public DicomException(String message, Throwable cause) {
        super(message, cause);
    }
}
