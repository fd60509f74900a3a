package org.cxrstudio.core.imaging;

import java.io.IOException;

/**
 * A radiograph file could not be read: its message is one line naming the file and the
 * problem, e.g. {@code "a.dcm: truncated DICOM element at offset 1234"}, fit to show to a
 * user as is.
 */
public class ImageReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageReadException(String message) {
        super(oneLine(message));
    }

    public ImageReadException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * Control characters (e.g. from a corrupt UID echoed in the message) become {@code '?'},
     * so the message stays one printable line.
     */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(message.length());
        message.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
