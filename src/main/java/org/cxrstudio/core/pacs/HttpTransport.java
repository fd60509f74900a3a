package org.cxrstudio.core.pacs;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests to one {@link PacsServer}: adds the {@code Authorization} header, applies the
 * timeouts and the trust store, turns HTTP errors and network failures into one-line
 * {@link PacsException}s, and hands back the body as a bounded, cancellable stream. Logs the
 * method, path and status only (no query, no headers: they carry patient data and secrets).
 * Thread-safe.
 */
final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int ERROR_EXCERPT = 200;

    private final PacsServer server;
    private final HttpClient http;

    HttpTransport(PacsServer server) throws PacsException {
        this.server = server;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(server.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (server.trustStore().isPresent()) {
            b.sslContext(sslContext(server.trustStore().get()));
        }
        http = b.build();
    }

    PacsServer server() {
        return server;
    }

    /** A request builder for {@code baseUrl + path} with auth and the read timeout set. */
    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .timeout(server.readTimeout());
        server.credentials().authorizationHeader().ifPresent(h -> b.header("Authorization", h));
        return b;
    }

    /**
     * Sends and waits for the status and headers; a 2xx answer's body is returned unread (the
     * caller closes it), anything else becomes a {@link PacsException}.
     *
     * @param what what was asked, for messages, e.g. {@code "study 1.2.3"}
     */
    HttpResponse<InputStream> send(HttpRequest request, String what, CancellationToken cancel) throws PacsException {
        String where = server.baseUrl() + " (" + what + ")";
        BodyStream[] body = new BodyStream[1];
        CompletableFuture<HttpResponse<InputStream>> f = http.sendAsync(request, info -> {
            body[0] = new BodyStream(server.readTimeout(), cancel, where);
            return body[0];
        });
        HttpResponse<InputStream> r = await(f, where, cancel);
        LOG.debug("{} {} -> {}", request.method(), request.uri().getPath(), r.statusCode());
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return r;
        }
        String excerpt = excerpt(r.body());
        throw new PacsException(where + ": " + statusMessage(status) + (excerpt.isEmpty() ? "" : ": " + excerpt),
                status, null);
    }

    /** Reads a 2xx body as UTF-8 text of at most {@code limit} bytes. */
    static String text(HttpResponse<InputStream> r, int limit, String where) throws PacsException {
        try (InputStream in = r.body()) {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) {
                throw new PacsException(where + ": the answer is larger than " + limit / (1024 * 1024) + " MiB");
            }
            return new String(b, StandardCharsets.UTF_8);
        } catch (PacsException | CancelledException e) {
            throw e;
        } catch (IOException e) {
            throw new PacsException(where + ": " + BodyStream.describe(e), e);
        }
    }

    private HttpResponse<InputStream> await(CompletableFuture<HttpResponse<InputStream>> f, String where,
                                            CancellationToken cancel) throws PacsException {
        while (true) {
            if (cancel.isCancelled()) {
                f.cancel(true);
                throw new CancelledException();
            }
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the token again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new CancelledException();
            } catch (ExecutionException e) {
                throw network(where, e.getCause());
            }
        }
    }

    private PacsException network(String where, Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return new PacsException(where + ": no connection within " + server.connectTimeout().toSeconds()
                    + " s (connect timeout)", t);
        }
        if (t instanceof HttpTimeoutException) {
            return new PacsException(where + ": no answer within " + server.readTimeout().toSeconds()
                    + " s (read timeout)", t);
        }
        if (t instanceof ConnectException) {
            return new PacsException(where + ": cannot connect (is the server running and the URL right?)", t);
        }
        if (t instanceof SSLException) {
            return new PacsException(where + ": TLS failed (" + BodyStream.describe(t)
                    + "); is the server's certificate in the trust store?", t);
        }
        return new PacsException(where + ": " + BodyStream.describe(t), t);
    }

    static String statusMessage(int status) {
        switch (status) {
            case 400: return "the server rejected the request (HTTP 400)";
            case 401: return "the server refused the credentials (HTTP 401): check the user name and password or token";
            case 403: return "access denied (HTTP 403): this user may not do that";
            case 404: return "not found on the server (HTTP 404)";
            case 406: return "the server cannot answer in the requested format (HTTP 406)";
            case 409: return "the server refused to store it (HTTP 409 conflict)";
            case 413: return "the upload is too large for the server (HTTP 413)";
            default:
                return status >= 500 ? "server error (HTTP " + status + "); try again later or ask its administrator"
                        : "unexpected answer (HTTP " + status + ")";
        }
    }

    private static String excerpt(InputStream body) {
        try (InputStream in = body) {
            byte[] b = in.readNBytes(ERROR_EXCERPT);
            String s = new String(b, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
            return s.startsWith("<") ? "" : s; // skip HTML error pages
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static SSLContext sslContext(PacsServer.TrustStore store) throws PacsException {
        try {
            KeyStore ks = KeyStore.getInstance(store.file().toFile(), store.password());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new PacsException(store.file() + ": cannot load the trust store (" + BodyStream.describe(e) + ")", e);
        }
    }
}
