package org.cxrstudio.core.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files in {@code OUT/checkpoints/}: {@code last.ckpt} (run state, weights including batch-norm
 * statistics, optimizer moments: everything an exact resume needs) and {@code best.params}
 * (weights of the best validation score). Every write goes to a temp file that is renamed over
 * the old one, so a kill at any moment leaves the previous complete checkpoint.
 */
final class Checkpoints {
    static final String DIR = "checkpoints";
    static final String LAST = "last.ckpt";
    static final String BEST = "best.params";
    private static final String MAGIC = "CXR-CKPT-1";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final Path dir;

    Checkpoints(Path outDir) {
        this.dir = outDir.resolve(DIR);
    }

    Path last() {
        return dir.resolve(LAST);
    }

    Path best() {
        return dir.resolve(BEST);
    }

    boolean hasLast() {
        return Files.isRegularFile(last());
    }

    void save(RunState state, StudentNet net, AdamW opt) throws IOException {
        Files.createDirectories(dir);
        atomic(last(), out -> {
            out.writeUTF(MAGIC);
            byte[] json = GSON.toJson(state).getBytes(StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
            net.saveParameters(out);
            opt.save(out);
        });
    }

    /** Restores weights and optimizer state into {@code net}/{@code opt} and returns the run state. */
    RunState load(StudentNet net, AdamW opt) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(last())))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException(last() + ": not a CXR Studio checkpoint");
            }
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            RunState s = GSON.fromJson(new String(json, StandardCharsets.UTF_8), RunState.class);
            net.loadParameters(in);
            opt.load(in);
            return s;
        } catch (JsonParseException | java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new IOException(last() + ": corrupt checkpoint (" + e.getMessage() + ")", e);
        }
    }

    void saveBest(StudentNet net) throws IOException {
        Files.createDirectories(dir);
        atomic(best(), net::saveParameters);
    }

    void loadBest(StudentNet net) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(best())))) {
            net.loadParameters(in);
        }
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    static void atomic(Path target, Writer w) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            w.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void atomicString(Path target, String content) throws IOException {
        atomic(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }
}
