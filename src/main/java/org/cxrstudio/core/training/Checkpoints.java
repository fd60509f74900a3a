package org.cxrstudio.core.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

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
    /** Largest run-state JSON read back; a real one is a few KB. */
    private static final int MAX_STATE_BYTES = 16 << 20;

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
        Path f = last();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            RunState s = readHeader(in, f);
            net.loadParameters(in);
            opt.load(in);
            return s;
        } catch (IOException | RuntimeException e) {
            throw corrupt(f, e);
        }
    }

    /** The run state alone (no weights). */
    RunState readState() throws IOException {
        Path f = last();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            return readHeader(in, f);
        } catch (IOException | RuntimeException e) {
            throw corrupt(f, e);
        }
    }

    void saveBest(StudentNet net) throws IOException {
        Files.createDirectories(dir);
        atomic(best(), net::saveParameters);
    }

    void loadBest(StudentNet net) throws IOException {
        Path f = best();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            net.loadParameters(in);
        } catch (IOException | RuntimeException e) {
            throw corrupt(f, e);
        }
    }

    /**
     * Magic, then the run state as length-prefixed JSON. The length is checked against the file
     * before allocating: a flipped bit there would otherwise ask for 2 GB (OutOfMemoryError) or a
     * negative array.
     */
    private static RunState readHeader(DataInputStream in, Path f) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException(f + ": not a CXR Studio checkpoint");
        }
        int n = in.readInt();
        if (n <= 0 || n > MAX_STATE_BYTES || n > Files.size(f)) {
            throw new IOException(f + ": corrupt checkpoint (run state of " + n + " bytes in a file of " + Files.size(f) + ")");
        }
        byte[] json = new byte[n];
        in.readFully(json);
        RunState s = GSON.fromJson(new String(json, StandardCharsets.UTF_8), RunState.class);
        if (s == null) {
            throw new IOException(f + ": corrupt checkpoint (no run state)");
        }
        return s;
    }

    /**
     * One line naming the file: truncated (EOF), malformed run state, or weights that DJL cannot
     * read (its exceptions name neither the file nor the problem in the user's terms).
     */
    private static IOException corrupt(Path f, Exception e) {
        String m = e.getMessage();
        if (e instanceof IOException && m != null && m.startsWith(f.toString())) {
            return (IOException) e; // already names the file
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new IOException(f + ": checkpoint not found", e);
        }
        if (e instanceof IOException && !(e instanceof java.io.EOFException) && !(e instanceof java.io.UTFDataFormatException)
                && m != null && !m.isBlank()) {
            return new IOException(f + ": " + m, e); // e.g. weights of another network
        }
        String why = e instanceof java.io.EOFException ? "truncated"
                : e instanceof java.io.UTFDataFormatException ? "not a CXR Studio checkpoint"
                : m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
        return new IOException(f + ": corrupt checkpoint (" + why + ")", e);
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
