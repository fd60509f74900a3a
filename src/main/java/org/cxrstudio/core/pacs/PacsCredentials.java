package org.cxrstudio.core.pacs;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client authenticates: none, HTTP Basic (user + password) or a bearer token. Secrets
 * are held as {@code char[]} copies, never logged: {@link #toString()} redacts them, and they are
 * only turned into bytes to build the {@code Authorization} header. Immutable; thread-safe.
 */
public final class PacsCredentials {
    /** No authentication. */
    public static final PacsCredentials NONE = new PacsCredentials(Kind.NONE, "", new char[0]);

    private enum Kind { NONE, BASIC, BEARER }

    private final Kind kind;
    private final String user;
    private final char[] secret;

    private PacsCredentials(Kind kind, String user, char[] secret) {
        this.kind = kind;
        this.user = user;
        this.secret = secret.clone();
    }

    /** HTTP Basic; {@code user} must not contain ':' (RFC 7617). */
    public static PacsCredentials basic(String user, char[] password) {
        Objects.requireNonNull(password, "password");
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("user name must be non-empty and contain no ':'");
        }
        return new PacsCredentials(Kind.BASIC, user, password);
    }

    /** A bearer token (e.g. an OAuth access token), sent as {@code Authorization: Bearer ...}. */
    public static PacsCredentials bearer(char[] token) {
        if (token == null || token.length == 0) {
            throw new IllegalArgumentException("bearer token is empty");
        }
        return new PacsCredentials(Kind.BEARER, "", token);
    }

    /** The user name for Basic, empty otherwise. */
    public String user() {
        return user;
    }

    /** The {@code Authorization} header value, or empty for {@link #NONE}. */
    Optional<String> authorizationHeader() {
        switch (kind) {
            case BASIC: {
                char[] joined = new char[user.length() + 1 + secret.length];
                user.getChars(0, user.length(), joined, 0);
                joined[user.length()] = ':';
                System.arraycopy(secret, 0, joined, user.length() + 1, secret.length);
                var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(joined));
                byte[] b = new byte[bytes.remaining()];
                bytes.get(b);
                Arrays.fill(joined, '\0');
                String header = "Basic " + Base64.getEncoder().encodeToString(b);
                Arrays.fill(b, (byte) 0);
                return Optional.of(header);
            }
            case BEARER:
                return Optional.of("Bearer " + new String(secret));
            default:
                return Optional.empty();
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case BASIC: return "basic(user=" + user + ", password=***)";
            case BEARER: return "bearer(token=***)";
            default: return "none";
        }
    }
}
