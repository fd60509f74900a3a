package org.cxrstudio.core.io;

/**
 * A bound on how deeply a JSON text nests objects and arrays, checked before the text reaches Gson:
 * Gson reads records, maps and lists by recursion (and formats a failed record's arguments
 * recursively), so a file of a few hundred kilobytes of {@code {"a":{"a":...}}} ends the program
 * with a {@link StackOverflowError} instead of an error message. The app's own JSON files (model and
 * gate cards, site profiles) nest a few levels. Stateless, thread-safe.
 *
 * <pre>{@code
 * JsonNesting.check(text, JsonNesting.MAX_DEPTH); // IllegalArgumentException when deeper
 * }</pre>
 */
public final class JsonNesting {
    /** Deepest nesting the app reads: ten times that of any file it writes. */
    public static final int MAX_DEPTH = 64;

    private JsonNesting() { }

    /**
     * @throws IllegalArgumentException when objects and arrays nest deeper than {@code maxDepth}
     *                                  (brackets inside strings do not count; malformed JSON is left to the parser)
     */
    public static void check(String json, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    throw new IllegalArgumentException("JSON nested deeper than " + maxDepth + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
