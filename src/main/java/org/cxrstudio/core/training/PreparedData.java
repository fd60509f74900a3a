package org.cxrstudio.core.training;

import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.ProgressListener;
import org.cxrstudio.core.training.data.Sample;
import org.cxrstudio.core.training.data.Split;
import org.cxrstudio.core.training.data.TensorCache;
import org.cxrstudio.core.training.data.TrainingData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked, split and cached data of a run. Every sample has a global index (its position in
 * {@link #samples}) used by the tensor caches and the teacher outputs.
 *
 * @param samples all images (labelled, then unlabelled)
 * @param split   the stratified split
 * @param train   global indices of training images
 * @param val     global indices of validation images
 */
record PreparedData(List<Sample> samples, Split split, int[] train, int[] val) {

    /**
     * Loads and splits the data and writes {@code split.csv} into {@code out}; on resume an
     * existing split file must match.
     */
    static PreparedData prepare(TrainingConfig c, boolean resuming) throws IOException {
        List<Sample> samples = TrainingData.load(c.labeled(), c.unlabeled(), c.gate());
        Split split = Split.stratified(samples, c.valFraction(), c.splitSeed());
        if (split.validation().isEmpty()) {
            throw new IOException("too few labelled images for a validation split (" + samples.size() + " images)");
        }
        if (split.train().size() < 2) {
            throw new IOException("too few training images (" + split.train().size() + ")");
        }
        Files.createDirectories(c.out());
        Path file = c.out().resolve(Split.FILE_NAME);
        Path probe = c.out().resolve(Split.FILE_NAME + ".new");
        split.write(probe);
        if (resuming && Files.isRegularFile(file)
                && !Files.readString(file, StandardCharsets.UTF_8).equals(Files.readString(probe, StandardCharsets.UTF_8))) {
            Files.deleteIfExists(probe);
            throw new IOException(file + ": the data or seed changed since this run started (split differs); "
                    + "resume with the same --images/--labels/--seed/--split-seed or use a new --out");
        }
        Files.move(probe, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Map<Sample, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            index.put(samples.get(i), i);
        }
        return new PreparedData(samples, split, indices(split.train(), index), indices(split.validation(), index));
    }

    private static int[] indices(List<Sample> list, Map<Sample, Integer> index) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = index.get(list.get(i));
        }
        return out;
    }

    /** The tensor cache of all samples at {@code size} with {@code crop} ({@code none} or {@code border}). */
    TensorCache cache(Path cacheDir, int size, String crop, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        List<Path> files = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            files.add(s.file());
        }
        return TensorCache.open(cacheDir, files, size, crop, progress, cancel);
    }

    List<Sample> trainSamples() {
        return split.train();
    }

    List<Sample> valSamples() {
        return split.validation();
    }
}
