package org.cxrstudio.core.pacs;

import com.google.gson.JsonObject;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A DICOMweb client for a small archive such as Orthanc with its DICOMweb plugin: QIDO-RS search
 * of studies, series and instances; WADO-RS retrieve of a study or series streamed into a cache
 * folder ({@code <cache>/<StudyInstanceUID>/<SOPInstanceUID>.dcm}); STOW-RS store. Every failure
 * is a one-line {@link PacsException}; long calls take a {@link ProgressListener} (called on the
 * calling thread) and a {@link CancellationToken} (checked at least every 200 ms). Thread-safe: one
 * client may serve several threads.
 *
 * <pre>{@code
 * var client = new DicomWebClient(PacsServer.of("clinic", "http://127.0.0.1:8042/dicom-web",
 *         PacsCredentials.basic("reader", password)));
 * List<StudySummary> found = client.searchStudies(new QidoQuery("P1", null, null, null, null, "CR", 50),
 *         CancellationToken.NONE);
 * List<Path> files = client.retrieveStudy(found.get(0).studyUid(), cache, progress, token);
 * }</pre>
 */
public final class DicomWebClient {
    /** Largest QIDO-RS / STOW-RS JSON answer accepted, bytes. */
    static final int MAX_JSON = 32 * 1024 * 1024;
    private static final String STUDY_FIELDS = "includefield=StudyDescription&includefield=ModalitiesInStudy"
            + "&includefield=NumberOfStudyRelatedSeries&includefield=NumberOfStudyRelatedInstances";
    private static final String SERIES_FIELDS = "includefield=SeriesDescription&includefield=SeriesNumber"
            + "&includefield=NumberOfSeriesRelatedInstances";

    private final HttpTransport transport;

    /** @throws PacsException if the trust store cannot be loaded */
    public DicomWebClient(PacsServer server) throws PacsException {
        this.transport = new HttpTransport(server);
    }

    public PacsServer server() {
        return transport.server();
    }

    /** QIDO-RS {@code GET /studies}. */
    public List<StudySummary> searchStudies(QidoQuery q, CancellationToken cancel) throws PacsException {
        List<StudySummary> out = new ArrayList<>();
        String where = "study search";
        for (JsonObject o : qido("/studies?" + query(q.studyParameters()) + "&" + STUDY_FIELDS, where, cancel)) {
            out.add(new StudySummary(DicomJson.uid(o, "0020000D", where), DicomJson.string(o, "00100020"),
                    DicomJson.string(o, "00100010"), DicomJson.string(o, "00080020"), DicomJson.string(o, "00080050"),
                    DicomJson.string(o, "00081030"), DicomJson.strings(o, "00080061"), DicomJson.integer(o, "00201206"),
                    DicomJson.integer(o, "00201208")));
        }
        return out;
    }

    /** QIDO-RS {@code GET /studies/{uid}/series}; {@code q} may narrow by modality. */
    public List<SeriesSummary> searchSeries(String studyUid, QidoQuery q, CancellationToken cancel) throws PacsException {
        requireUid(studyUid, "Study Instance UID");
        String where = "series of study " + studyUid;
        List<SeriesSummary> out = new ArrayList<>();
        for (JsonObject o : qido("/studies/" + studyUid + "/series?" + query(q.seriesParameters()) + "&" + SERIES_FIELDS,
                where, cancel)) {
            out.add(new SeriesSummary(studyUid, DicomJson.uid(o, "0020000E", where), DicomJson.string(o, "00080060"),
                    DicomJson.integer(o, "00200011"), DicomJson.string(o, "0008103E"), DicomJson.integer(o, "00201209")));
        }
        return out;
    }

    /** QIDO-RS instances of a study, or of one series when {@code seriesUid} is not null. */
    public List<InstanceSummary> searchInstances(String studyUid, String seriesUid, CancellationToken cancel)
            throws PacsException {
        requireUid(studyUid, "Study Instance UID");
        String path = "/studies/" + studyUid + (seriesUid == null ? "" : "/series/" + requireUid(seriesUid,
                "Series Instance UID")) + "/instances?limit=10000";
        String where = "instances of study " + studyUid;
        List<InstanceSummary> out = new ArrayList<>();
        for (JsonObject o : qido(path, where, cancel)) {
            String series = seriesUid != null ? seriesUid : DicomJson.string(o, "0020000E");
            out.add(new InstanceSummary(studyUid, series, DicomJson.uid(o, "00080018", where),
                    DicomJson.string(o, "00080016"), DicomJson.integer(o, "00200013")));
        }
        return out;
    }

    /**
     * WADO-RS {@code GET /studies/{uid}}: every instance into {@code cache/<studyUid>/}.
     * Progress counts images against the QIDO-RS instance count.
     *
     * @return the files written, in the order received
     */
    public List<Path> retrieveStudy(String studyUid, Path cache, ProgressListener progress, CancellationToken cancel)
            throws PacsException {
        return retrieve(studyUid, null, cache, progress, cancel);
    }

    /** WADO-RS {@code GET /studies/{uid}/series/{uid}} into {@code cache/<studyUid>/}. */
    public List<Path> retrieveSeries(String studyUid, String seriesUid, Path cache, ProgressListener progress,
                                     CancellationToken cancel) throws PacsException {
        return retrieve(studyUid, requireUid(seriesUid, "Series Instance UID"), cache, progress, cancel);
    }

    private List<Path> retrieve(String studyUid, String seriesUid, Path cache, ProgressListener progress,
                                CancellationToken cancel) throws PacsException {
        requireUid(studyUid, "Study Instance UID");
        long expected = searchInstances(studyUid, seriesUid, cancel).size();
        String what = seriesUid == null ? "study " + studyUid : "series " + seriesUid;
        String path = "/studies/" + studyUid + (seriesUid == null ? "" : "/series/" + seriesUid);
        HttpRequest req = transport.request(path)
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*").GET().build();
        progress.progress(0, expected, "retrieving " + what);
        HttpResponse<InputStream> r = transport.send(req, what, cancel);
        return StudyRetriever.write(r, cache.resolve(studyUid), transport.server().baseUrl() + " (" + what + ")",
                expected, progress, cancel);
    }

    /**
     * STOW-RS {@code POST /studies}: the files as one multipart request, streamed from disk.
     *
     * @throws PacsException if the server refuses the request or any instance
     */
    public StoreResult store(List<Path> files, ProgressListener progress, CancellationToken cancel) throws PacsException {
        return StoreRequest.send(transport, files, progress, cancel);
    }

    private List<JsonObject> qido(String pathAndQuery, String what, CancellationToken cancel) throws PacsException {
        HttpRequest req = transport.request(pathAndQuery).header("Accept", "application/dicom+json").GET().build();
        HttpResponse<InputStream> r = transport.send(req, what, cancel);
        String where = transport.server().baseUrl() + " (" + what + ")";
        if (r.statusCode() == 204) {
            HttpTransport.text(r, 0, where);
            return List.of();
        }
        return DicomJson.parse(HttpTransport.text(r, MAX_JSON, where), where);
    }

    static String requireUid(String uid, String what) {
        if (!Part10.isUid(uid)) {
            throw new IllegalArgumentException("not a valid " + what + ": '" + uid + "' (digits and dots, at most 64)");
        }
        return uid;
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
