package org.cxrstudio.core.pacs;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.cxrstudio.core.task.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * https to a server on 127.0.0.1 with a self-signed certificate (made with the JDK's keytool):
 * refused against the system trust store, accepted with a trust store holding that certificate.
 */
@Timeout(60)
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void selfSignedServerNeedsTheGivenTrustStore() throws Exception {
        char[] pw = "changeit".toCharArray();
        Path keys = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        Path trust = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "srv", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "srv", "-keystore", keys.toString(), "-storepass", "changeit", "-rfc",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "srv", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", "changeit");

        KeyStore ks = KeyStore.getInstance(keys.toFile(), pw);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/dicom-web/", ex -> {
            byte[] b = "[]".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web";
            PacsServer system = PacsServer.of("tls", url, PacsCredentials.NONE)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
            assertThatThrownBy(() -> new DicomWebClient(system).searchStudies(QidoQuery.ALL, CancellationToken.NONE))
                    .isInstanceOf(PacsException.class).hasMessageContaining("TLS failed").hasMessageContaining("trust store");
            PacsServer given = system.withTrustStore(new PacsServer.TrustStore(trust, pw));
            assertThat(new DicomWebClient(given).searchStudies(QidoQuery.ALL, CancellationToken.NONE)).isEmpty();
            assertThat(given.toString()).doesNotContain("changeit");
            PacsServer missing = system.withTrustStore(new PacsServer.TrustStore(dir.resolve("none.p12"), pw));
            assertThatThrownBy(() -> new DicomWebClient(missing)).isInstanceOf(PacsException.class)
                    .hasMessageContaining("cannot load the trust store");
        } finally {
            server.stop(0);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
