package org.cxrstudio.core.dicom;

import java.io.IOException;

/**
 * A DICOM file is malformed, truncated, exceeds a safety limit or uses an unsupported
 * encoding. The message is one line naming the file and the problem.
 */
public class DicomException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomException(String message) {
        super(oneLine(message));
    }

    public DicomException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * Control characters (e.g. from a corrupt UID echoed in the message) become {@code '?'},
     * so the message stays one printable line. Shared with {@code imaging.ImageReadException},
     * which wraps these messages for the user.
     *
     * @return {@code null} for {@code null}
     */
    public static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(message.length());
        message.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
