package org.cxrstudio.core.io;

/**
 * Null-to-empty normalisation for the text fields of records whose Javadoc promises "empty, never
 * null" (cards, profiles, result and report values). Stateless, thread-safe.
 *
 * <pre>{@code
 * public record Card(String name, String notice) {
 *     public Card {
 *         notice = Strings.orEmpty(notice);
 *     }
 * }
 * }</pre>
 */
public final class Strings {
    private Strings() { }

    /** {@code s}, or {@code ""} when it is {@code null}; otherwise unchanged (not stripped). */
    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code s} without leading and trailing white space, or {@code ""} when it is {@code null}. */
    public static String strippedOrEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
