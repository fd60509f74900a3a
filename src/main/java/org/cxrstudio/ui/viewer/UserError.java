package org.cxrstudio.ui.viewer;

/**
 * An error to show the user in a dialog: a short title and the reason (usually the exception
 * message, which names the file and the problem). A new instance per occurrence so that the
 * same message twice still notifies listeners.
 *
 * @param title   e.g. "Cannot open image"
 * @param message the reason, one or two sentences
 */
public record UserError(String title, String message) {

    /** The most useful one-line reason of {@code t}: its message, or its class name. */
    public static String reason(Throwable t) {
        Throwable c = t;
        while (c.getMessage() == null && c.getCause() != null) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
