package org.cxrstudio.core.dicom.codec;

import java.util.Map;
import java.util.Optional;

/**
 * Registry of the encapsulated transfer syntaxes this project can decode.
 *
 * <p>Native (uncompressed) syntaxes have no decoder here: the parser reads those itself.
 */
public final class Codecs {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", "Implicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 SV1)"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless Only"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"));

    private Codecs() {
    }

    /**
     * The decoder for an encapsulated transfer syntax.
     *
     * @param transferSyntaxUid e.g. {@code 1.2.840.10008.1.2.4.70}
     * @return the decoder, or empty for native syntaxes and syntaxes this project cannot decode
     */
    public static Optional<FrameDecoder> forTransferSyntax(String transferSyntaxUid) {
        if (transferSyntaxUid == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (transferSyntaxUid.trim()) {
            case "1.2.840.10008.1.2.5" -> new RleDecoder();
            case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51" -> new JpegDecoder();
            case "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70" -> new JpegLosslessDecoder();
            case "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81" -> new JpegLsDecoder();
            case "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91" -> new Jpeg2000Decoder();
            default -> null;
        });
    }

    /** A human-readable name for a transfer syntax UID, or the UID itself when unknown. */
    public static String describe(String transferSyntaxUid) {
        if (transferSyntaxUid == null) {
            return "(no transfer syntax)";
        }
        return NAMES.getOrDefault(transferSyntaxUid.trim(), transferSyntaxUid);
    }
}
