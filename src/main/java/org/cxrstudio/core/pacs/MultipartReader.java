package org.cxrstudio.core.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code multipart/related} body (RFC 2046) incrementally: {@link #nextPart()} returns the
 * headers of the next part and {@link #body()} streams its bytes up to the next boundary, so a
 * study of any size passes through a buffer of 64 KiB. A body that ends before the closing
 * boundary, or whose boundary or part headers are malformed, is a {@link PacsException}. One
 * reader thread.
 *
 * <pre>{@code
 * MultipartReader mr = new MultipartReader(in, "abc123", url);
 * while (mr.nextPart().isPresent()) { mr.body().transferTo(out); }
 * }</pre>
 */
final class MultipartReader {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADERS = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final String source;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    /** True until the current part's (or the preamble's) closing delimiter has been consumed. */
    private boolean inPart;
    private boolean finished;
    private int parts;

    MultipartReader(InputStream in, String boundary, String source) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new IllegalArgumentException("multipart boundary must be 1..200 characters");
        }
        this.in = in;
        this.source = source;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        // a virtual CRLF before the first byte lets the first boundary match the same delimiter
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
        inPart = true; // the preamble, skipped by the first nextPart()
    }

    /** The boundary parameter of a {@code Content-Type} header, if any. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? Optional.empty() : Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Number of parts started so far. */
    int parts() {
        return parts;
    }

    /**
     * Skips what is left of the current part (or the preamble) and reads the next part's headers
     * (names lower-cased). Empty after the closing boundary.
     */
    Optional<Map<String, String>> nextPart() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        byte[] skip = new byte[8192];
        while (readBody(skip, 0, skip.length) >= 0) {
            // discard the preamble or the unread rest of a part
        }
        // after the delimiter: "--" closes the body, else optional padding and CRLF
        ensure(2);
        if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        if (lim - pos < 2) {
            throw truncated("after a boundary");
        }
        String line = readLine();
        if (!line.isBlank()) {
            throw new PacsException(source + ": malformed multipart boundary line (text after the boundary)");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        for (String h = readLine(); !h.isEmpty(); h = readLine()) {
            total += h.length();
            int colon = h.indexOf(':');
            if (colon <= 0 || total > MAX_HEADERS) {
                throw new PacsException(source + ": malformed multipart part headers in part " + (parts + 1));
            }
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        parts++;
        inPart = true;
        return Optional.of(headers);
    }

    /** The current part's bytes up to the next boundary; not to be closed by the caller. */
    InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return readBody(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readBody(b, off, len);
            }
        };
    }

    private int readBody(byte[] dst, int off, int len) throws IOException {
        if (!inPart) {
            return -1;
        }
        if (len == 0) {
            return 0; // InputStream.readNBytes asks for 0 bytes when its buffer is full
        }
        while (true) {
            int at = indexOfDelimiter();
            if (at >= 0) {
                int n = Math.min(len, at - pos);
                if (n == 0) {
                    pos += delimiter.length;
                    inPart = false;
                    return -1;
                }
                System.arraycopy(buf, pos, dst, off, n);
                pos += n;
                return n;
            }
            int safe = lim - pos - (delimiter.length - 1);
            if (safe > 0) {
                int n = Math.min(len, safe);
                System.arraycopy(buf, pos, dst, off, n);
                pos += n;
                return n;
            }
            if (!fill()) {
                throw parts == 0 ? new PacsException(source + ": no multipart boundary in the answer (malformed multipart)")
                        : truncated("inside part " + parts);
            }
        }
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = pos; i <= lim - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= lim && !fill()) {
                throw truncated("inside the headers of part " + (parts + 1));
            }
            byte c = buf[pos++];
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) (c & 0xFF));
            if (b.length() > MAX_HEADERS) {
                throw new PacsException(source + ": malformed multipart (header line too long)");
            }
        }
    }

    private void ensure(int n) throws IOException {
        while (lim - pos < n && fill()) {
            // keep filling
        }
    }

    /** Compacts and reads more; false at end of stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    private PacsException truncated(String where) {
        return new PacsException(source + ": the answer ended " + where + " before the closing multipart boundary"
                + " (truncated multipart body)");
    }
}
