package org.cxrstudio.core.gatebuild;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Features of the films, keyed by {@code folder/file}, kept in one file so that rebuilding the
 * gate (new k, new negatives) does not recompute them. The file name carries the feature
 * network's SHA-256 so features of another network are never mixed in. Not thread-safe.
 */
final class FeatureCache {
    private final Path file;
    private final Map<String, float[]> entries = new HashMap<>();

    FeatureCache(Path dir, String networkSha) throws IOException {
        this.file = dir == null ? null : dir.resolve("gate-features-" + networkSha.substring(0, 16) + ".bin");
        if (file != null && Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                while (true) {
                    String key;
                    try {
                        key = in.readUTF();
                    } catch (EOFException e) {
                        break;
                    }
                    float[] v = new float[in.readInt()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readFloat();
                    }
                    entries.put(key, v);
                }
            } catch (IOException e) {
                entries.clear(); // a damaged cache is recomputed, never trusted
            }
        }
    }

    float[] get(String key) {
        return entries.get(key);
    }

    void put(String key, float[] v) {
        entries.put(key, v);
    }

    int size() {
        return entries.size();
    }

    void save() throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            for (Map.Entry<String, float[]> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
