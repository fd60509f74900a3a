package org.cxrstudio.core.pacs;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import java.util.concurrent.TimeUnit;

/**
 * A real Orthanc with its DICOMweb plugin for tests: started on 127.0.0.1 on free ports with
 * its storage in a given (temp) folder, stopped by {@link #close()}. {@link #assumeInstalled()}
 * skips a test with a clear message when Orthanc or the plugin is absent.
 */
public final class Orthanc implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    public static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final int port;
    private final Path log;
    private final String user;
    private final String password;

    private Orthanc(Process process, int port, Path log, String user, String password) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.user = user;
        this.password = password;
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isRegularFile(PLUGIN),
                "Orthanc tests skipped: " + BINARY + " or " + PLUGIN + " is absent (apt-get install orthanc orthanc-dicomweb)");
    }

    /** Starts without authentication. */
    public static Orthanc start(Path dir) throws IOException {
        return start(dir, null, null);
    }

    /** Starts; with a user, authentication is on and only that user is registered. */
    public static Orthanc start(Path dir, String user, String password) throws IOException {
        assumeInstalled();
        int http = freePort();
        int dicom = freePort();
        JsonObject cfg = new JsonObject();
        cfg.addProperty("Name", "cxr-test");
        cfg.addProperty("HttpPort", http);
        cfg.addProperty("DicomPort", dicom);
        cfg.addProperty("StorageDirectory", dir.resolve("storage").toString());
        cfg.addProperty("IndexDirectory", dir.resolve("storage").toString());
        cfg.addProperty("RemoteAccessAllowed", false);
        cfg.addProperty("HttpServerEnabled", true);
        cfg.addProperty("DicomServerEnabled", false);
        cfg.addProperty("HttpThreadsCount", 4);
        cfg.addProperty("ConcurrentJobs", 1);
        cfg.addProperty("StorageCompression", false);
        var plugins = new com.google.gson.JsonArray();
        plugins.add(PLUGIN.toString());
        cfg.add("Plugins", plugins);
        JsonObject web = new JsonObject();
        web.addProperty("Enable", true);
        web.addProperty("Root", "/dicom-web/");
        cfg.add("DicomWeb", web);
        cfg.addProperty("AuthenticationEnabled", user != null);
        if (user != null) {
            JsonObject users = new JsonObject();
            users.addProperty(user, password);
            cfg.add("RegisteredUsers", users);
        }
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("orthanc.json"), cfg.toString());
        Path log = dir.resolve("orthanc.log");
        Process p = new ProcessBuilder(BINARY.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Orthanc o = new Orthanc(p, http, log, user, password);
        o.awaitUp();
        return o;
    }

    /** The DICOMweb root, e.g. {@code http://127.0.0.1:40123/dicom-web}. */
    public String dicomWebUrl() {
        return "http://127.0.0.1:" + port + "/dicom-web";
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the server at once (SIGKILL), as a crash or a pulled cable would. */
    public void kill() {
        process.destroyForcibly();
    }

    /** GET on Orthanc's own REST API (e.g. {@code /statistics}); the body, or an exception. */
    public String rest(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(10_000);
        if (user != null) {
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            if (c.getResponseCode() != 200) {
                throw new IOException(path + ": HTTP " + c.getResponseCode());
            }
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private void awaitUp() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited at start: " + tail());
            }
            try {
                rest("/system");
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        close();
        throw new IOException("Orthanc did not answer within 30 s: " + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
