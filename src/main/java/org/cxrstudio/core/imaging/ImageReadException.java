package org.cxrstudio.core.imaging;

import java.io.IOException;
import org.cxrstudio.core.dicom.DicomException;

/**
 * A radiograph file could not be read: its message is one line naming the file and the
 * problem, e.g. {@code "a.dcm: truncated DICOM element at offset 1234"}, fit to show to a
 * user as is.
 */
public class ImageReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageReadException(String message) {
        super(DicomException.oneLine(message));
    }

    public ImageReadException(String message, Throwable cause) {
        super(DicomException.oneLine(message), cause);
    }
}
