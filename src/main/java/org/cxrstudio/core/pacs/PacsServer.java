package org.cxrstudio.core.pacs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a DICOMweb archive is and how to talk to it.
 *
 * @param name           display name, e.g. {@code "Clinic Orthanc"}
 * @param baseUrl        DICOMweb root, e.g. {@code http://127.0.0.1:8042/dicom-web} (no trailing slash needed);
 *                       {@code http} or {@code https}
 * @param credentials    none, Basic or bearer; redacted in {@link #toString()}
 * @param trustStore     a PKCS#12 or JKS trust store for {@code https}, or empty for the system trust store
 * @param connectTimeout TCP/TLS connect limit
 * @param readTimeout    longest wait for the response headers and between two reads of a body
 */
public record PacsServer(String name, URI baseUrl, PacsCredentials credentials, Optional<TrustStore> trustStore,
                         Duration connectTimeout, Duration readTimeout) {
    /** Default connect timeout. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read timeout. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /**
     * A trust store file and its password (may be empty).
     *
     * @param file     PKCS#12 or JKS
     * @param password store password; redacted in {@link #toString()}
     */
    public record TrustStore(Path file, char[] password) {
        public TrustStore {
            Objects.requireNonNull(file, "file");
            password = password == null ? new char[0] : password.clone();
        }

        @Override
        public String toString() {
            return "TrustStore[" + file + ", password=***]";
        }
    }

    public PacsServer {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        if (baseUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("put the user name in the credentials, not in the URL");
        }
        String s = baseUrl.toString();
        baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        name = name == null || name.isBlank() ? baseUrl.getHost() : name;
        credentials = credentials == null ? PacsCredentials.NONE : credentials;
        trustStore = trustStore == null ? Optional.empty() : trustStore;
        connectTimeout = positive(connectTimeout, CONNECT_TIMEOUT);
        readTimeout = positive(readTimeout, READ_TIMEOUT);
    }

    /** A server with default timeouts and the system trust store. */
    public static PacsServer of(String name, String url, PacsCredentials credentials) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid URL: " + url, e);
        }
        return new PacsServer(name, uri, credentials, Optional.empty(), CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public PacsServer withTimeouts(Duration connect, Duration read) {
        return new PacsServer(name, baseUrl, credentials, trustStore, connect, read);
    }

    public PacsServer withTrustStore(TrustStore store) {
        return new PacsServer(name, baseUrl, credentials, Optional.ofNullable(store), connectTimeout, readTimeout);
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isNegative() || d.isZero() ? fallback : d;
    }
}
