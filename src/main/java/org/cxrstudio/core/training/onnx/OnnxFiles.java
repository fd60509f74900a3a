package org.cxrstudio.core.training.onnx;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.io.Sha256;
import org.cxrstudio.core.training.onnx.proto.Onnx.ModelProto;
import org.cxrstudio.core.training.onnx.proto.Onnx.StringStringEntryProto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing an ONNX model with its card: the card (sha256 empty) goes into {@code metadata_props}
 * under {@link ModelCard#METADATA_KEY}; the sidecar {@code <name>.card.json} (".onnx" replaced)
 * holds the same card plus the SHA-256 of the written file. Both files are written to a temporary
 * name in the target folder and renamed, so a reader never sees a half-written model.
 */
public final class OnnxFiles {
    private OnnxFiles() {
    }

    /** {@code dir/model.onnx -> dir/model.card.json}. */
    public static Path sidecarOf(Path onnx) {
        String name = onnx.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return onnx.resolveSibling(base + ".card.json");
    }

    /**
     * Embeds {@code card} (without hash), writes {@code out} and its sidecar atomically.
     *
     * @return the card as written to the sidecar (with SHA-256)
     */
    public static ModelCard write(ModelProto.Builder model, ModelCard card, Path out) throws IOException {
        for (int i = model.getMetadataPropsCount() - 1; i >= 0; i--) {
            if (ModelCard.METADATA_KEY.equals(model.getMetadataProps(i).getKey())) {
                model.removeMetadataProps(i);
            }
        }
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(ModelCard.METADATA_KEY)
                .setValue(card.withSha256("").toJson()));
        byte[] bytes = model.build().toByteArray();
        ModelCard sealed = card.withSha256(sha256(bytes));
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        writeAtomically(out.toAbsolutePath(), bytes);
        writeAtomically(sidecarOf(out.toAbsolutePath()), sealed.toJson().getBytes(StandardCharsets.UTF_8));
        return sealed;
    }

    /** Reads an ONNX file; the message names the file when it is not a readable ONNX model. */
    public static ModelProto read(Path onnx) throws IOException {
        if (!Files.isRegularFile(onnx)) {
            throw new IOException(onnx + ": no such ONNX file");
        }
        try {
            ModelProto m = ModelProto.parseFrom(Files.readAllBytes(onnx));
            if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
                throw new IOException(onnx + ": not an ONNX model (no graph)");
            }
            return m;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(onnx + ": not an ONNX model (" + e.getMessage() + ")", e);
        }
    }

    /** The embedded card of a model read with {@link #read}, or {@code null} if none. */
    public static ModelCard embeddedCard(ModelProto model) {
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            if (ModelCard.METADATA_KEY.equals(e.getKey())) {
                return ModelCard.fromJson(e.getValue());
            }
        }
        return null;
    }

    public static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    /** Writes to a temporary sibling and renames it over {@code target}. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
