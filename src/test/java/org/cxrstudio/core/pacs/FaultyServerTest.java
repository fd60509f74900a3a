package org.cxrstudio.core.pacs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.cxrstudio.core.dicom.DicomWriter;
import org.cxrstudio.core.dicom.Tags;
import org.cxrstudio.core.dicom.TransferSyntax;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers a real archive does not give on purpose (malformed JSON, a truncated or malformed
 * multipart body, a silent server, HTTP 500), from a tiny HTTP server on 127.0.0.1.
 */
@Timeout(60)
class FaultyServerTest {
    static final String STUDY = "2.25.42";
    static final String BOUNDARY = "b0undary";

    @TempDir
    Path cache;
    HttpServer server;
    final AtomicReference<Handler> answer = new AtomicReference<>();
    DicomWebClient client;

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dicom-web/", ex -> {
            try {
                if (ex.getRequestURI().getPath().endsWith("/instances")) {
                    json(ex, "[{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"2.25.7\"]}},"
                            + "{\"00080018\":{\"vr\":\"UI\",\"Value\":[\"2.25.8\"]}}]");
                } else {
                    answer.get().handle(ex);
                }
            } catch (IOException | RuntimeException e) {
                // the client hung up: fine
            } finally {
                ex.close();
            }
        });
        server.start();
        client = new DicomWebClient(PacsServer.of("faulty", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/dicom-web", PacsCredentials.NONE).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void malformedJsonIsAClearError() {
        answer.set(ex -> json(ex, "[{\"0020000D\": {\"vr\": \"UI\", \"Value\": [\"1.2\""));
        assertThatThrownBy(() -> client.searchStudies(QidoQuery.ALL, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("malformed JSON").hasMessageContaining("127.0.0.1");
        answer.set(ex -> json(ex, "{\"not\": \"an array\"}"));
        assertThatThrownBy(() -> client.searchStudies(QidoQuery.ALL, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("expected a JSON array");
        answer.set(ex -> json(ex, "[{\"00100020\": {\"vr\": \"LO\", \"Value\": [\"P\"]}}]"));
        assertThatThrownBy(() -> client.searchStudies(QidoQuery.ALL, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("0020000D");
    }

    @Test
    void aMalformedPatientNameIsLeftOutNotAnError() throws PacsException {
        answer.set(ex -> json(ex, "[{\"0020000D\": {\"vr\": \"UI\", \"Value\": [\"1.2\"]},"
                + " \"00100010\": {\"vr\": \"PN\", \"Value\": [{\"Alphabetic\": {\"x\": 1}}]}}]"));
        var studies = client.searchStudies(QidoQuery.ALL, CancellationToken.NONE);
        assertThat(studies).hasSize(1);
        assertThat(studies.get(0).patientName()).isEmpty();
    }

    @Test
    void serverErrorIsAClearError() {
        answer.set(ex -> {
            byte[] b = "database locked".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
        });
        assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("server error (HTTP 503)")
                .hasMessageContaining("database locked");
        assertCacheClean();
    }

    @Test
    void truncatedMultipartLeavesOnlyTheWholeParts() throws IOException {
        byte[] first = part10("2.25.7");
        byte[] second = part10("2.25.8");
        answer.set(ex -> {
            ex.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(head());
            out.write(first);
            out.write(("\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head());
            out.write(second, 0, second.length / 2); // then the body ends: no closing boundary
            out.flush();
        });
        assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("truncated multipart body").hasMessageContaining("part 2");
        assertCacheClean();
        assertThat(cache.resolve(STUDY).resolve("2.25.7.dcm")).hasBinaryContent(first);
        assertThat(cache.resolve(STUDY).resolve("2.25.8.dcm")).doesNotExist();
    }

    @Test
    void aPartThatIsNotDicomOrNotMultipartIsRejected() {
        answer.set(ex -> {
            ex.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
            byte[] body = concat(head(), "this is not DICOM".getBytes(StandardCharsets.US_ASCII),
                    ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        });
        assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("not a DICOM Part 10 file");
        assertCacheClean();
        answer.set(ex -> json(ex, "[]"));
        assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("expected a multipart/related answer");
        assertCacheClean();
    }

    @Test
    void aServerThatStopsSendingTimesOut() {
        answer.set(ex -> {
            ex.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(head());
            ex.getResponseBody().write(part10("2.25.7"), 0, 300);
            ex.getResponseBody().flush();
            sleep(5000);
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("read timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertCacheClean();
    }

    @Test
    void aServerThatTricklesIsCutOff() {
        answer.set(ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/dicom+json");
            ex.sendResponseHeaders(200, 100_000);
            for (int i = 0; i < 100_000; i++) { // a byte every 100 ms: never silent for a read timeout
                ex.getResponseBody().write(' ');
                ex.getResponseBody().flush();
                sleep(100);
            }
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.searchStudies(QidoQuery.ALL, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("127.0.0.1").hasMessageContaining("too slowly");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aStudyThatTricklesIsCutOffWithoutLeavingFiles() {
        answer.set(ex -> {
            ex.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY);
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(head());
            for (byte b : part10("2.25.7")) {
                ex.getResponseBody().write(b);
                ex.getResponseBody().flush();
                sleep(100);
            }
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.retrieveStudy(STUDY, cache, ProgressListener.NONE, CancellationToken.NONE))
                .isInstanceOf(PacsException.class).hasMessageContaining("too slowly");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertCacheClean();
    }

    private void assertCacheClean() {
        try (Stream<Path> s = Files.walk(cache)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] head() {
        return ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] part10(String sop) {
        int[] px = new int[64 * 64];
        return new DicomWriter().string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7")
                .string(Tags.SOP_INSTANCE_UID, "UI", sop).us(Tags.ROWS, 64).us(Tags.COLUMNS, 64)
                .us(Tags.BITS_ALLOCATED, 8).us(Tags.BITS_STORED, 8).us(Tags.HIGH_BIT, 7).us(Tags.SAMPLES_PER_PIXEL, 1)
                .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2").pixels8(px)
                .toBytes(TransferSyntax.EXPLICIT_LE);
    }

    static void json(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/dicom+json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
