package org.cxrstudio.core.eval;

import java.io.IOException;

/** A site profile that cannot be read or does not belong to the model in use; the message says which and why. */
public final class SiteProfileException extends IOException {
    public SiteProfileException(String message) {
        super(message);
    }

    public SiteProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
