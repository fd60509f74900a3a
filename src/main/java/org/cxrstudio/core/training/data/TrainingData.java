package org.cxrstudio.core.training.data;

import org.cxrstudio.core.eval.LabeledImage;
import org.cxrstudio.core.eval.LabelsCsv;
import org.cxrstudio.core.eval.SourceMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the images of one or more labelled folders and an optional unlabelled folder, checking
 * everything that can be checked before training starts: folders exist and hold images, every
 * CSV row names an existing file, and no file name occurs twice (split files identify images by
 * file name). Image content is checked when the tensor cache is built.
 */
public final class TrainingData {
    /** Column that names the acquisition source when present (e.g. in {@code tbx11k-extra}). */
    public static final String SOURCE_COLUMN = "source";
    private static final int MAX_NAMED = 5;

    private TrainingData() { }

    /**
     * @param labeled   at least one pair unless {@code unlabeled} is given
     * @param unlabeled folder of unlabelled images, or {@code null}
     * @return labelled images in CSV order per folder, then unlabelled images sorted by name
     * @throws IOException naming the folder or CSV and the problem
     */
    public static List<Sample> load(List<LabeledFolder> labeled, Path unlabeled) throws IOException {
        if (labeled.isEmpty() && unlabeled == null) {
            throw new IOException("no training images: give --images with --labels (or --unlabeled)");
        }
        List<Sample> out = new ArrayList<>();
        for (LabeledFolder f : labeled) {
            out.addAll(loadLabeled(f));
        }
        if (unlabeled != null) {
            requireImageFolder(unlabeled);
            String dataset = folderName(unlabeled);
            for (Path p : listImages(unlabeled)) {
                out.add(new Sample(p, false, false, Sample.UNLABELED, dataset, List.of()));
            }
        }
        Map<String, Sample> seen = new HashMap<>();
        for (Sample s : out) {
            Sample prev = seen.put(s.filename(), s);
            if (prev != null) {
                throw new IOException("file name " + s.filename() + " occurs in both " + prev.file().getParent()
                        + " and " + s.file().getParent() + ": split files identify images by file name");
            }
        }
        return out;
    }

    static List<Sample> loadLabeled(LabeledFolder f) throws IOException {
        requireImageFolder(f.images());
        if (!Files.isRegularFile(f.labels())) {
            throw new IOException(f.labels() + ": labels CSV not found");
        }
        LabelsCsv csv = LabelsCsv.read(f.labels());
        if (csv.images().isEmpty()) {
            throw new IOException(f.labels() + ": labels CSV lists no images");
        }
        String dataset = String.valueOf(f.labels().toAbsolutePath().normalize().getParent().getFileName());
        List<Sample> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (LabeledImage li : csv.images()) {
            Path file = f.images().resolve(li.filename());
            if (!Files.isRegularFile(file)) {
                missing.add(li.filename());
                continue;
            }
            String source = csv.groupOf(li, SOURCE_COLUMN, SourceMapping.DEFAULT);
            out.add(new Sample(file, true, li.positive(), source.isBlank() ? dataset : source, dataset, li.boxes()));
        }
        if (!missing.isEmpty()) {
            throw new IOException(f.labels() + " names " + missing.size() + " file(s) not in " + f.images() + ": "
                    + String.join(", ", missing.subList(0, Math.min(MAX_NAMED, missing.size())))
                    + (missing.size() > MAX_NAMED ? ", ..." : ""));
        }
        return out;
    }

    private static void requireImageFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": image folder not found");
        }
        if (listImages(dir).isEmpty()) {
            throw new IOException(dir + ": image folder holds no PNG, JPEG or DICOM files");
        }
    }

    /** Image files (by extension: png, jpg, jpeg, dcm, dicom) directly in {@code dir}, sorted by name. */
    static List<Path> listImages(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> isImageName(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IOException(dir + ": cannot list image folder (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".dcm")
                || n.endsWith(".dicom");
    }

    private static String folderName(Path dir) {
        return String.valueOf(dir.toAbsolutePath().normalize().getFileName());
    }
}
