package org.cxrstudio.core.pacs;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.cxrstudio.core.task.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Streams a WADO-RS {@code multipart/related} answer into a cache folder, one part at a time:
 * each part goes to a hidden temp file beside its final place and is moved to
 * {@code <SOP Instance UID>.dcm} only once it is complete and has a Part 10 header. On any failure
 * or cancel the temp file is deleted, so the folder never holds a half-written file; instances
 * completed before the failure stay (each is whole). One thread.
 */
final class StudyRetriever {
    private static final long PROGRESS_BYTES = 1 << 20;

    private StudyRetriever() { }

    static List<Path> write(HttpResponse<InputStream> r, Path dir, String where, long expected,
                            ProgressListener progress, CancellationToken cancel) throws PacsException {
        String type = r.headers().firstValue("Content-Type").orElse("");
        Optional<String> boundary = MultipartReader.boundary(type);
        List<Path> written = new ArrayList<>();
        try (InputStream body = r.body()) {
            if (boundary.isEmpty()) {
                throw new PacsException(where + ": expected a multipart/related answer, got '"
                        + (type.isEmpty() ? "no Content-Type" : type) + "' (malformed multipart)");
            }
            Files.createDirectories(dir);
            MultipartReader mr = new MultipartReader(body, boundary.get(), where);
            long[] bytes = {0};
            for (Optional<Map<String, String>> part = mr.nextPart(); part.isPresent(); part = mr.nextPart()) {
                cancel.throwIfCancelled();
                String partType = part.get().getOrDefault("content-type", "application/dicom").toLowerCase(Locale.ROOT);
                if (!partType.startsWith("application/dicom")) {
                    throw new PacsException(where + ": part " + mr.parts() + " is '" + partType
                            + "', not application/dicom (malformed multipart)");
                }
                written.add(writePart(mr, dir, where + " part " + mr.parts(), bytes, written.size(), expected,
                        progress, cancel));
                progress.progress(written.size(), expected, written.size() + " image(s), " + mib(bytes[0]));
            }
            if (mr.parts() == 0 && expected > 0) {
                throw new PacsException(where + ": the answer holds no images (empty multipart body)");
            }
        } catch (IOException e) {
            throw e instanceof PacsException pe ? pe : new PacsException(where + ": " + BodyStream.describe(e), e);
        } finally {
            deleteIfEmpty(dir);
        }
        return written;
    }

    private static Path writePart(MultipartReader mr, Path dir, String what, long[] bytes, int done, long expected,
                                  ProgressListener progress, CancellationToken cancel) throws IOException {
        Path tmp = Files.createTempFile(dir, ".part-", ".tmp");
        boolean moved = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                InputStream in = mr.body();
                byte[] chunk = new byte[64 * 1024];
                long sinceReport = 0;
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    cancel.throwIfCancelled();
                    out.write(chunk, 0, n);
                    bytes[0] += n;
                    sinceReport += n;
                    if (sinceReport >= PROGRESS_BYTES) {
                        sinceReport = 0;
                        progress.progress(done, expected, done + " image(s), " + mib(bytes[0]));
                    }
                }
            }
            String sop = Part10.sopInstanceUid(tmp, what);
            Path target = dir.resolve(sop + ".dcm");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return target;
        } catch (CancelledException e) {
            throw e;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException | RuntimeException e) {
            // not there, or not empty: leave it
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
