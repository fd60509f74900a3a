package org.cxrstudio.ui.pacs;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.core.pacs.DicomWebClient;
import org.cxrstudio.core.pacs.PacsCredentials;
import org.cxrstudio.core.pacs.PacsServer;
import org.cxrstudio.core.pacs.QidoQuery;
import org.cxrstudio.core.pacs.SeriesSummary;
import org.cxrstudio.core.pacs.StudySummary;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.ui.Messages;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * State and commands of "Open from PACS…": servers (remembered without passwords; a password
 * lives in memory for this session only), the search form, the studies and series found, and a
 * cancellable retrieve into the cache whose files are handed to {@code onRetrieved}. Network work
 * runs on {@code worker}; every property changes on {@code ui} (the FX thread, or
 * {@code Runnable::run} in tests). One job at a time.
 */
public final class PacsViewModel {
    private final ServerStore store;
    private final Path cache;
    private final Executor worker;
    private final Executor ui;
    private final Consumer<List<Path>> onRetrieved;
    private final Map<ServerEntry, char[]> passwords = new HashMap<>();

    private final ObservableList<ServerEntry> servers = FXCollections.observableArrayList();
    private final ObjectProperty<ServerEntry> server = new SimpleObjectProperty<>();
    private final StringProperty patientId = new SimpleStringProperty("");
    private final StringProperty patientName = new SimpleStringProperty("");
    private final StringProperty accession = new SimpleStringProperty("");
    private final StringProperty modality = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<StudySummary> studies = FXCollections.observableArrayList();
    private final ObjectProperty<StudySummary> study = new SimpleObjectProperty<>();
    private final ObservableList<SeriesSummary> series = FXCollections.observableArrayList();
    private final ObjectProperty<SeriesSummary> selectedSeries = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private volatile CancellationToken token = new CancellationToken();

    public PacsViewModel(ServerStore store, Path cache, Executor worker, Executor ui, Consumer<List<Path>> onRetrieved) {
        this.store = store;
        this.cache = cache;
        this.worker = worker;
        this.ui = ui;
        this.onRetrieved = onRetrieved;
        servers.setAll(store.load());
        if (!servers.isEmpty()) {
            server.set(servers.get(0));
        }
        study.addListener((o, a, s) -> loadSeries(s));
    }

    /** Adds (or replaces, by name) a server and selects it; remembered without a password. */
    public void addServer(ServerEntry entry) {
        PacsServer.of(entry.name(), entry.url(), PacsCredentials.NONE); // rejects a bad URL here, with its reason
        servers.removeIf(s -> s.name().equals(entry.name()));
        servers.add(entry);
        store.save(List.copyOf(servers));
        server.set(entry);
    }

    public void removeServer(ServerEntry entry) {
        servers.remove(entry);
        char[] pw = passwords.remove(entry);
        if (pw != null) {
            Arrays.fill(pw, '\0');
        }
        store.save(List.copyOf(servers));
        server.set(servers.isEmpty() ? null : servers.get(0));
    }

    /** The password of {@code entry} for this session only (never written anywhere). */
    public void setPassword(ServerEntry entry, char[] password) {
        passwords.put(entry, password.clone());
    }

    public boolean hasPassword(ServerEntry entry) {
        return passwords.containsKey(entry);
    }

    /** Searches studies with the form's criteria. */
    public void search() {
        QidoQuery q;
        try {
            q = new QidoQuery(patientId.get(), patientName.get(), from.get(), to.get(), accession.get(), modality.get(), 200);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        run(Messages.get("pacs.searching"), c -> c.searchStudies(q, token), found -> {
            studies.setAll(found);
            series.clear();
            status.set(Messages.format("pacs.found", found.size()));
        });
    }

    /** Retrieves the selected series (or the whole selected study) and hands the files over. */
    public void retrieve() {
        StudySummary s = study.get();
        if (s == null) {
            status.set(Messages.get("pacs.selectStudy"));
            return;
        }
        SeriesSummary one = selectedSeries.get();
        run(Messages.get("pacs.retrieving"), c -> one == null
                ? c.retrieveStudy(s.studyUid(), cache, this::onProgress, token)
                : c.retrieveSeries(s.studyUid(), one.seriesUid(), cache, this::onProgress, token), files -> {
                    status.set(Messages.format("pacs.retrieved", files.size()));
                    progress.set(1);
                    onRetrieved.accept(files);
                });
    }

    /** Stops the running search or retrieve; files already complete stay in the cache. */
    public void cancel() {
        token.cancel();
    }

    private void loadSeries(StudySummary s) {
        series.clear();
        selectedSeries.set(null);
        if (s != null) {
            run(Messages.get("pacs.searching"), c -> c.searchSeries(s.studyUid(), QidoQuery.ALL, token), found -> {
                series.setAll(found);
                status.set(Messages.format("pacs.seriesFound", found.size()));
            });
        }
    }

    private void onProgress(long done, long total, String message) {
        ui.execute(() -> {
            progress.set(total > 0 ? Math.min(1, (double) done / total) : -1);
            status.set(message);
        });
    }

    private interface Job<T> {
        T run(DicomWebClient client) throws Exception;
    }

    private <T> void run(String what, Job<T> job, Consumer<T> done) {
        ServerEntry entry = server.get();
        if (entry == null) {
            status.set(Messages.get("pacs.noServer"));
            return;
        }
        if (busy.get()) {
            return;
        }
        token = new CancellationToken();
        busy.set(true);
        progress.set(-1);
        status.set(what);
        char[] pw = passwords.get(entry);
        Callable<T> work = () -> {
            PacsCredentials creds = entry.user().isEmpty() ? PacsCredentials.NONE
                    : PacsCredentials.basic(entry.user(), pw == null ? new char[0] : pw);
            return job.run(new DicomWebClient(PacsServer.of(entry.name(), entry.url(), creds)));
        };
        worker.execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> {
                    busy.set(false);
                    done.accept(result);
                });
            } catch (CancelledException e) {
                ui.execute(() -> finish(Messages.get("pacs.cancelled")));
            } catch (Exception e) {
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> finish(msg));
            }
        });
    }

    private void finish(String message) {
        busy.set(false);
        progress.set(0);
        status.set(message);
    }

    public ObservableList<ServerEntry> servers() { return servers; }
    public ObjectProperty<ServerEntry> serverProperty() { return server; }
    public StringProperty patientIdProperty() { return patientId; }
    public StringProperty patientNameProperty() { return patientName; }
    public StringProperty accessionProperty() { return accession; }
    public StringProperty modalityProperty() { return modality; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObservableList<StudySummary> studies() { return studies; }
    public ObjectProperty<StudySummary> studyProperty() { return study; }
    public ObservableList<SeriesSummary> series() { return series; }
    public ObjectProperty<SeriesSummary> selectedSeriesProperty() { return selectedSeries; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** {@code 0..1}, or {@code -1} while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
