package org.cxrstudio.app.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials and connection errors of the {@code pacs} commands: one clear line, no stack trace. */
class PacsOptionsTest {
    @Test
    void missingSecretsAreUsageErrors() {
        Assumptions.assumeTrue(System.getenv(PacsOptions.PASSWORD_ENV) == null && System.console() == null,
                "skipped: a console or " + PacsOptions.PASSWORD_ENV + " is present");
        CliRun user = CliRun.of("pacs", "search", "--url", "http://127.0.0.1:9/dicom-web", "--user", "bob");
        assertThat(user.exit()).isEqualTo(2);
        assertThat(user.err()).contains("set " + PacsOptions.PASSWORD_ENV);
        CliRun token = CliRun.of("pacs", "search", "--url", "http://127.0.0.1:9/dicom-web", "--token-env",
                "CXR_TEST_TOKEN_THAT_IS_NOT_SET");
        assertThat(token.exit()).isEqualTo(2);
        assertThat(token.err()).contains("CXR_TEST_TOKEN_THAT_IS_NOT_SET is not set");
        CliRun url = CliRun.of("pacs", "search", "--url", "ftp://127.0.0.1/x");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).contains("not an http(s) URL");
    }

    @Test
    void aServerThatIsNotThereIsOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("pacs", "retrieve", "--url", "http://127.0.0.1:" + port + "/dicom-web", "--study", "1.2.3",
                "--out", "target/none");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: ").contains("cannot connect").doesNotContain("\tat ");
        CliRun badUid = CliRun.of("pacs", "retrieve", "--url", "http://127.0.0.1:" + port + "/dicom-web", "--study",
                "../../etc", "--out", "target/none");
        assertThat(badUid.exit()).isEqualTo(1);
        assertThat(badUid.err()).contains("not a valid Study Instance UID");
    }
}
