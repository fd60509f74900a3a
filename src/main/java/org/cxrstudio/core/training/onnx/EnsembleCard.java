package org.cxrstudio.core.training.onnx;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model card of an {@link EnsembleBuilder} ensemble: a teacher whose training section lists
 * the members with their hashes, splits and validation figures, the combination rule, whether
 * the members share one split, the summed training time and where the threshold comes from.
 * Stateless.
 */
final class EnsembleCard {
    /** Card key of the training time, as written by the trainer and read by distillation's comparison. */
    private static final String TRAINING_SECONDS = "training_seconds";

    private EnsembleCard() {
    }

    /** SHA-256 of the {@code split.csv} beside a member (a training run's output folder), or {@code null}. */
    private static String splitCsvSha(EnsembleMember m) {
        Path csv = m.file().toAbsolutePath().resolveSibling("split.csv");
        try {
            return Files.isRegularFile(csv) ? OnnxFiles.sha256(Files.readAllBytes(csv)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A member card's data folders, seed and split description, or {@code null} when it has none. */
    private static Map<String, Object> cardSplit(EnsembleMember m) {
        Map<String, Object> t = m.card().training();
        if (!t.containsKey("split") && !t.containsKey("seed")) {
            return null;
        }
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("data", t.get("data"));
        id.put("seed", t.get("seed"));
        id.put("split", t.get("split"));
        return id;
    }

    /**
     * Whether the members share one train/validation split: the same {@code split.csv} bytes beside
     * every member, or else the same data, seed and split description in every card. Members with
     * different splits have trained on each other's validation images, so the ensemble's
     * validation figures would be optimistic; the card says so.
     */
    private static boolean sameSplit(List<String> csvShas, List<Map<String, Object>> cardSplits) {
        if (!csvShas.contains(null) && new HashSet<>(csvShas).size() == 1) {
            return true;
        }
        return !cardSplits.contains(null) && new HashSet<>(cardSplits).size() == 1;
    }

    /** The ensemble's card: teacher, members with hashes and validation figures, threshold provenance. */
    static ModelCard build(List<EnsembleMember> ms, Preprocessing pre, boolean mirrored, Path out, String command) {
        List<String> parts = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        boolean allThresholds = true;
        double tsum = 0;
        boolean allSeconds = true;
        double seconds = 0;
        List<String> csvShas = new ArrayList<>();
        List<Map<String, Object>> cardSplits = new ArrayList<>();
        for (EnsembleMember m : ms) {
            parts.add(m.card().architecture() + "@" + m.inputSize());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", m.file().getFileName().toString());
            e.put("path", m.file().toAbsolutePath().normalize().toString());
            e.put("sha256", m.sha256());
            e.put("name", m.card().name());
            e.put("architecture", m.card().architecture());
            e.put("role", m.card().role());
            e.put("input_size", m.inputSize());
            e.put("cam_size", m.camSize());
            if (m.hasThreshold()) {
                e.put("threshold", m.card().threshold());
                tsum += m.card().threshold();
            } else {
                allThresholds = false;
            }
            if (m.card().training().get(TRAINING_SECONDS) instanceof Number t) {
                e.put(TRAINING_SECONDS, t.doubleValue());
                seconds += t.doubleValue();
            } else {
                allSeconds = false;
            }
            String csv = splitCsvSha(m);
            Map<String, Object> split = cardSplit(m);
            csvShas.add(csv);
            cardSplits.add(split);
            if (split != null) {
                e.put("split", split);
            }
            if (csv != null) {
                e.put("split_csv_sha256", csv);
            }
            if (!m.card().postprocessing().isEmpty()) {
                e.put("postprocessing", m.card().postprocessing());
            }
            if (!m.card().validation().isEmpty()) {
                e.put("validation", m.card().validation());
            }
            members.add(e);
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("kind", "ensemble");
        if (command != null) {
            training.put("command", command);
        }
        training.put("created", Instant.now().toString());
        training.put("members", members);
        training.put("combination", "probability = mean of member probabilities; cam = mean of member CAMs (logits) "
                + "after linear resize to the largest member grid; input linearly resized to each member's size"
                + (Preprocessing.PER_IMAGE.equals(pre.normalization()) ? " and re-z-scored per image" : "")
                + (mirrored ? "; every member also on the left-right mirrored input, its CAM mirrored back" : ""));
        training.put("mirrored", mirrored);
        training.put("postprocessing_source", "default box parameters: the members' were tuned to their own CAMs; "
                + "run calibrate-boxes on the ensemble");
        training.put("same_split", sameSplit(csvShas, cardSplits));
        if (allSeconds) { // the teacher's cost, for comparisons at equal CPU time
            training.put(TRAINING_SECONDS, seconds);
            training.put("training_seconds_source", "sum over the members");
        }
        double threshold;
        if (allThresholds) {
            threshold = tsum / ms.size();
            training.put("threshold_source", "mean of the members' card thresholds");
        } else {
            threshold = 0.5;
            training.put("threshold_source", "none: not every member card has a threshold; 0.5 is a placeholder, "
                    + "calibrate with eval");
        }
        String name = out.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        return new ModelCard(name, "1.0", "ensemble(" + String.join(", ", parts) + (mirrored ? "; mirrored" : "") + ")", "teacher", pre,
                ms.get(0).card().classes(), threshold, ModelCard.DEFAULT_PROBABILITY_OUTPUT,
                ModelCard.DEFAULT_CAM_OUTPUT, training, null, "");
    }
}
