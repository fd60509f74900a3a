package org.cxrstudio.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of files, bytes and text: the one place the app computes it (model and gate file
 * integrity, cache keys, split buckets). Hex is lower case, 64 characters. Stateless, thread-safe.
 *
 * <pre>{@code
 * if (!Sha256.ofFile(onnx).equalsIgnoreCase(card.sha256())) { ... }
 * }</pre>
 */
public final class Sha256 {
    private static final int BUFFER_BYTES = 1 << 16;

    private Sha256() { }

    /** Hex SHA-256 of a file's content, streamed (the file is not held in memory). */
    public static String ofFile(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER_BYTES];
            for (int n; (n = in.read(buf)) >= 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(raw(bytes));
    }

    /** Hex SHA-256 of the UTF-8 encoding of {@code text}. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The 32 digest bytes of {@code bytes}. */
    public static byte[] raw(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }
}
