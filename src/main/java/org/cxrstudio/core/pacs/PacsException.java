package org.cxrstudio.core.pacs;

import java.io.IOException;

/**
 * The archive could not be reached or answered something the client cannot use (HTTP error,
 * malformed JSON or multipart, a stream that ended early). The message is one line a user can
 * act on, naming the server's URL (never a credential) and the problem.
 */
public class PacsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** HTTP status if the server answered one, else 0. */
    private final int status;

    public PacsException(String message) {
        this(message, 0, null);
    }

    public PacsException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public PacsException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the failed request, or 0 when the failure was not an HTTP status. */
    public int status() {
        return status;
    }
}
