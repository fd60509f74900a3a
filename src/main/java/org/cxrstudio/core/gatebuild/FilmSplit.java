package org.cxrstudio.core.gatebuild;

import org.cxrstudio.core.imaging.ImageFiles;
import org.cxrstudio.core.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chest films of the shared data, split deterministically by a hash of
 * {@code folder/file name}: 60 % bank, 20 % validation (sets the limit), 20 % test (only measured).
 * The same file always lands in the same part, whatever else is in the folder.
 *
 * @param bank       films whose features form the bank
 * @param validation films that set the distance limit
 * @param test       films only measured
 */
record FilmSplit(List<Path> bank, List<Path> validation, List<Path> test) {
    /** Folders under the data root that hold frontal chest films ({@code <folder>/images/*.png}). */
    static final List<String> FILM_FOLDERS = List.of("tbx11k-tb", "nih-cxr14", "tbx11k-extra");
    static final int BANK_PERCENT = 60;
    static final int VALIDATION_PERCENT = 20;

    FilmSplit {
        bank = List.copyOf(bank);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    static FilmSplit of(Path dataDir) throws IOException {
        List<Path> bank = new ArrayList<>();
        List<Path> val = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        for (String folder : FILM_FOLDERS) {
            Path images = dataDir.resolve(folder).resolve("images");
            if (!Files.isDirectory(images)) {
                throw new IOException(images + ": chest film folder not found (see ../shared/data/README.md)");
            }
            for (Path p : ImageFiles.list(images)) {
                int h = bucket(folder + "/" + p.getFileName());
                (h < BANK_PERCENT ? bank : h < BANK_PERCENT + VALIDATION_PERCENT ? val : test).add(p);
            }
        }
        return new FilmSplit(bank, val, test);
    }

    /** {@code 0..99} from the first four bytes of the SHA-256 of {@code key}. */
    static int bucket(String key) {
        byte[] d = Sha256.raw(key.getBytes(StandardCharsets.UTF_8));
        long v = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
        return (int) (v % 100);
    }
}
