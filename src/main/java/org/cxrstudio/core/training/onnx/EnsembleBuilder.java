package org.cxrstudio.core.training.onnx;

import org.cxrstudio.core.imaging.Preprocessing;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges several CXR Studio ONNX models (as written by {@link OnnxExporter}, each with its sidecar
 * card) into one ONNX teacher: one input {@code N×1×S×S}, each member's graph copied in with its
 * names prefixed {@code m0_}, {@code m1_}, ..., fed by a linear {@code Resize} of the input to the
 * member's own input size when that differs (re-z-scored per image when the members use per-image
 * normalisation, so each member sees inputs normalised as in its training); output
 * {@code probability} = mean of the members' probabilities, output {@code cam} = mean of the
 * members' CAMs after a linear {@code Resize} to the largest member CAM grid. The result satisfies
 * the same contract as a single exported model, so {@code TbModel} and distillation load it.
 * Mirrored ensembles also run every member on the left-right mirrored input and average that in
 * too, its CAM mirrored back (test-time augmentation at twice the inference cost).
 *
 * <pre>{@code
 * ModelCard card = EnsembleBuilder.build(List.of(a, b), Path.of("teacher.onnx"), 0, "ensemble teacher");
 * }</pre>
 *
 * <p>Members are refused, with one line naming the file, when they lack a sidecar card, do not
 * parse as ONNX, fail their card's SHA-256, use another normalisation or class list than the
 * first member, or do not have the exporter's input/output shapes. Reading a member is
 * {@link EnsembleMember}, the merged graph {@link EnsembleGraph}, the card {@link EnsembleCard}.
 */
public final class EnsembleBuilder {
    private EnsembleBuilder() {
    }

    /**
     * Builds the ensemble and writes {@code out} with its sidecar card.
     *
     * @param members ONNX files, at least two
     * @param size    ensemble input size S, or {@code 0} for the largest member input size
     * @param command the command line recorded in the card ({@code training.command}), may be {@code null}
     * @return the card as written (with the new file's SHA-256)
     * @throws IOException naming the offending file when a member does not fit
     */
    public static ModelCard build(List<Path> members, Path out, int size, String command) throws IOException {
        return build(members, out, size, false, command);
    }

    /**
     * Builds the ensemble, with {@code mirrored} also on the left-right mirrored input, and writes
     * {@code out} with its sidecar card.
     *
     * @see #build(List, Path, int, String)
     */
    public static ModelCard build(List<Path> members, Path out, int size, boolean mirrored, String command)
            throws IOException {
        if (members == null || members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two models, got "
                    + (members == null ? 0 : members.size()));
        }
        List<EnsembleMember> ms = new ArrayList<>();
        for (Path p : members) {
            ms.add(EnsembleMember.read(p));
        }
        EnsembleMember first = ms.get(0);
        for (EnsembleMember m : ms) {
            if (m.file().toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(out + ": output would overwrite a member");
            }
            Preprocessing a = first.card().preprocessing();
            Preprocessing b = m.card().preprocessing();
            if (!a.normalization().equals(b.normalization())
                    || (Preprocessing.FIXED.equals(a.normalization()) && (a.mean() != b.mean() || a.std() != b.std()))) {
                throw new IllegalArgumentException(m.file() + ": normalisation " + describe(b) + " differs from "
                        + first.file().getFileName() + "'s " + describe(a) + "; members must be preprocessed alike");
            }
            if (!a.crop().equals(b.crop())) {
                // the ensemble resizes one shared input inside the graph, so every member must see the same crop
                throw new IllegalArgumentException(m.file() + ": crop " + b.crop() + " differs from "
                        + first.file().getFileName() + "'s " + a.crop() + "; members must be preprocessed alike");
            }
            if (!m.card().classes().equals(first.card().classes())) {
                throw new IllegalArgumentException(m.file() + ": classes " + m.card().classes() + " differ from "
                        + first.file().getFileName() + "'s " + first.card().classes());
            }
        }
        int s = size > 0 ? size : ms.stream().mapToInt(EnsembleMember::inputSize).max().orElseThrow();
        Preprocessing pre = new Preprocessing(s, first.card().preprocessing().normalization(),
                first.card().preprocessing().mean(), first.card().preprocessing().std(), first.card().preprocessing().crop());
        int grid = ms.stream().mapToInt(EnsembleMember::camSize).max().orElseThrow();
        int classes = first.card().classes().size();

        ModelProto.Builder model = EnsembleGraph.build(ms, s, grid, classes, pre, mirrored);
        ModelCard card = EnsembleCard.build(ms, pre, mirrored, out, command);
        return OnnxFiles.write(model, card, out);
    }

    private static String describe(Preprocessing p) {
        return Preprocessing.FIXED.equals(p.normalization()) ? "fixed(mean " + p.mean() + ", std " + p.std() + ")"
                : p.normalization();
    }
}
