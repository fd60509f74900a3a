package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.ImageFiles;
import org.cxrstudio.core.eval.LabeledImage;
import org.cxrstudio.core.eval.LabelsCsv;
import org.cxrstudio.core.eval.SourceMapping;

import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.RadiographReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

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

    /**
     * {@link #load(List, Path)}, then without the images {@code gate} refuses.
     *
     * @param gate {@code null}: no check
     */
    public static List<Sample> load(List<LabeledFolder> labeled, Path unlabeled, InputGate gate) throws IOException {
        List<Sample> all = load(labeled, unlabeled);
        return gate == null ? all : screen(all, gate);
    }

    /**
     * The samples {@code gate} accepts. An unreadable file is kept here: the tensor cache reports it
     * with its reason when it is built.
     */
    public static List<Sample> screen(List<Sample> samples, InputGate gate) {
        List<Sample> kept = new ArrayList<>(samples.size());
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (Sample s : samples) {
            GateDecision d;
            try {
                d = gate.check(RadiographReader.read(s.file()));
            } catch (ImageReadException e) {
                kept.add(s);
                continue;
            }
            if (d.accepted()) {
                kept.add(s);
            } else {
                LOG.info("{}: excluded from training by the input gate: {}", s.file(), d.message());
                reasons.merge(d.reason().map(Enum::name).orElse("refused"), 1, Integer::sum);
            }
        }
        int refused = samples.size() - kept.size();
        if (refused > 0) {
            LOG.warn("input gate: {} of {} images refused and excluded from training {}", refused, samples.size(), reasons);
        } else {
            LOG.info("input gate: all {} images accepted", samples.size());
        }
        return kept;
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
        if (Files.isRegularFile(dir)) {
            throw new IOException(dir + ": is a file, not an image folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": image folder not found");
        }
        if (listImages(dir).isEmpty()) {
            throw new IOException(dir + ": image folder holds no PNG, JPEG or DICOM files");
        }
    }

    /** Image files (by extension: png, jpg, jpeg, dcm, dicom) directly in {@code dir}, sorted by name. */
    static List<Path> listImages(Path dir) throws IOException {
        try {
            return ImageFiles.list(dir);
        } catch (IOException e) {
            throw new IOException(dir + ": cannot list image folder (" + e.getMessage() + ")", e);
        }
    }

    private static String folderName(Path dir) {
        return String.valueOf(dir.toAbsolutePath().normalize().getFileName());
    }
}
