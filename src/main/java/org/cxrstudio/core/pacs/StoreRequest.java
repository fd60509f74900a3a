package org.cxrstudio.core.pacs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One STOW-RS request (PS3.18 10.5): the files as parts of a {@code multipart/related;
 * type="application/dicom"} body streamed from disk, and the server's JSON answer checked for
 * failed instances (Failed SOP Sequence, 0008,1198). Stateless.
 */
final class StoreRequest {
    private StoreRequest() { }

    static StoreResult send(HttpTransport transport, List<Path> files, ProgressListener progress, CancellationToken cancel)
            throws PacsException {
        if (files.isEmpty()) {
            return new StoreResult(List.of(), List.of());
        }
        String boundary = "cxr-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new PacsException(f + ": no such file to store");
            }
            parts.add(ascii("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n"));
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(f));
            } catch (FileNotFoundException e) {
                throw new PacsException(f + ": cannot read the file to store", e);
            }
            parts.add(ascii("\r\n"));
        }
        parts.add(ascii("--" + boundary + "--\r\n"));
        String what = "store of " + files.size() + " instance(s)";
        HttpRequest req = transport.request("/studies")
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))).build();
        progress.progress(0, files.size(), "storing " + files.size() + " instance(s)");
        HttpResponse<InputStream> r = transport.send(req, what, cancel);
        String where = transport.server().baseUrl() + " (" + what + ")";
        StoreResult result = parse(HttpTransport.text(r, DicomWebClient.MAX_JSON, where), where);
        progress.progress(files.size(), files.size(), "stored " + result.storedSopUids().size() + " instance(s)");
        return result;
    }

    static StoreResult parse(String body, String where) throws PacsException {
        if (body.isBlank()) {
            return new StoreResult(List.of(), List.of("the server sent no store report"));
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonArray() && e.getAsJsonArray().size() == 1) {
                e = e.getAsJsonArray().get(0);
            }
            if (!e.isJsonObject()) {
                throw new PacsException(where + ": the store report is not a DICOM JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new PacsException(where + ": malformed JSON in the store report", e);
        }
        List<String> stored = new ArrayList<>();
        for (JsonObject item : items(o, "00081199")) {
            stored.add(DicomJson.string(item, "00081155"));
        }
        List<String> failed = new ArrayList<>();
        for (JsonObject item : items(o, "00081198")) {
            failed.add(DicomJson.string(item, "00081155") + " (reason " + DicomJson.string(item, "00081197") + ")");
        }
        if (!failed.isEmpty()) {
            throw new PacsException(where + ": the server refused " + failed.size() + " instance(s): "
                    + String.join(", ", failed));
        }
        List<String> warnings = new ArrayList<>();
        for (String w : DicomJson.strings(o, "00081196")) {
            warnings.add("warning " + w);
        }
        return new StoreResult(stored, warnings);
    }

    private static List<JsonObject> items(JsonObject o, String tag) {
        List<JsonObject> out = new ArrayList<>();
        JsonElement attr = o.get(tag);
        if (attr != null && attr.isJsonObject() && attr.getAsJsonObject().get("Value") instanceof com.google.gson.JsonArray a) {
            for (JsonElement e : a) {
                if (e.isJsonObject()) {
                    out.add(e.getAsJsonObject());
                }
            }
        }
        return out;
    }

    private static HttpRequest.BodyPublisher ascii(String s) {
        return HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.US_ASCII));
    }
}
