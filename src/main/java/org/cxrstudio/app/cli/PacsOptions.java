package org.cxrstudio.app.cli;

import org.cxrstudio.core.pacs.PacsCredentials;
import org.cxrstudio.core.pacs.PacsServer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Connection options shared by the {@code pacs} commands. The password is never an option (it
 * would show in the shell history and the process list): it is read from the console, or from
 * {@value #PASSWORD_ENV} when there is no console (scripts, CI); a bearer token comes from the
 * environment variable named by {@code --token-env}.
 */
class PacsOptions {
    static final String PASSWORD_ENV = "CXR_PACS_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "DICOMweb root, e.g. http://127.0.0.1:8042/dicom-web")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "HTTP Basic user; the password is prompted for, or read from " + PASSWORD_ENV + ".")
    String user;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token from this environment variable.")
    String tokenEnv;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "PKCS#12 or JKS trust store for https (default: the system's).")
    Path trustStore;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60", description = "Read timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Environment (a field so tests can replace it). */
    Map<String, String> env = System.getenv();

    PacsServer server() {
        if (user != null && tokenEnv != null) {
            throw new ParameterException(spec.commandLine(), "give --user or --token-env, not both");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 1..3600 seconds");
        }
        PacsCredentials creds = PacsCredentials.NONE;
        if (user != null) {
            creds = PacsCredentials.basic(user, password());
        } else if (tokenEnv != null) {
            String token = env.get(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new ParameterException(spec.commandLine(), "environment variable " + tokenEnv + " is not set");
            }
            creds = PacsCredentials.bearer(token.strip().toCharArray());
        }
        try {
            PacsServer s = PacsServer.of(null, url, creds)
                    .withTimeouts(PacsServer.CONNECT_TIMEOUT, Duration.ofSeconds(timeoutSeconds));
            return trustStore == null ? s : s.withTrustStore(new PacsServer.TrustStore(trustStore, trustStorePassword()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage());
        }
    }

    private char[] password() {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new ParameterException(spec.commandLine(), "no console to ask for the password of " + user
                    + ": set " + PASSWORD_ENV);
        }
        char[] pw = c.readPassword("Password for %s at %s: ", user, url);
        if (pw == null) {
            throw new ParameterException(spec.commandLine(), "no password given");
        }
        return pw;
    }

    private char[] trustStorePassword() {
        String pw = env.get("CXR_TRUST_STORE_PASSWORD");
        return pw == null ? new char[0] : pw.toCharArray();
    }
}
