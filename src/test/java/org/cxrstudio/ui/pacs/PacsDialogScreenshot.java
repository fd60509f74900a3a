package org.cxrstudio.ui.pacs;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.pacs.Orthanc;
import org.cxrstudio.core.pacs.PacsCredentials;
import org.cxrstudio.core.pacs.PacsServer;
import org.cxrstudio.core.pacs.ThreeFilms;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * The screenshot of "Open from PACS…" for docs/pacs.md: a real Orthanc on 127.0.0.1 with the
 * three-film study, searched by patient ID, the study selected. Run under Xvfb (see docs/pacs.md),
 * not a test. Argument: the PNG to write.
 */
public final class PacsDialogScreenshot {
    private PacsDialogScreenshot() { }

    public static void main(String[] a) throws Exception {
        Path tmp = Files.createTempDirectory("pacs-shot");
        var films = ThreeFilms.make(tmp.resolve("films"));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Preferences prefs = Preferences.userRoot().node("cxrstudio-shot/" + UUID.randomUUID());
        try (Orthanc orthanc = Orthanc.start(tmp.resolve("orthanc"), "reader", "pw")) {
            new DicomWebClient(PacsServer.of("t", orthanc.dicomWebUrl(), PacsCredentials.basic("reader", "pw".toCharArray())))
                    .store(films, ProgressListener.NONE, CancellationToken.NONE);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            PacsViewModel[] vm = new PacsViewModel[1];
            Stage[] stage = new Stage[1];
            PacsView[] view = new PacsView[1];
            Platform.runLater(() -> {
                vm[0] = new PacsViewModel(new ServerStore(prefs), tmp.resolve("cache"), worker, Platform::runLater, f -> { });
                ServerEntry e = new ServerEntry("Clinic Orthanc", orthanc.dicomWebUrl(), "reader");
                vm[0].addServer(e);
                vm[0].setPassword(e, "pw".toCharArray());
                vm[0].patientIdProperty().set(ThreeFilms.PATIENT_ID);
                view[0] = new PacsView(vm[0]);
                stage[0] = new Stage();
                stage[0].setScene(new Scene(view[0], 980, 600));
                stage[0].show();
                vm[0].search();
            });
            waitFor(() -> vm[0] != null && !vm[0].studies().isEmpty() && !vm[0].busyProperty().get());
            Platform.runLater(() -> ((TableView<?>) view[0].lookup("#pacsStudies")).getSelectionModel().select(0));
            waitFor(() -> !vm[0].series().isEmpty() && !vm[0].busyProperty().get());
            Thread.sleep(800);
            CountDownLatch shot = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(stage[0].getScene().snapshot(null), null), "png",
                            Path.of(a[0]).toFile());
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                } finally {
                    shot.countDown();
                }
            });
            shot.await(20, TimeUnit.SECONDS);
        } finally {
            prefs.removeNode();
            worker.shutdownNow();
            Platform.exit();
        }
        System.exit(0);
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            CountDownLatch l = new CountDownLatch(1);
            Platform.runLater(() -> {
                ok[0] = c.getAsBoolean();
                l.countDown();
            });
            l.await();
            if (ok[0]) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
