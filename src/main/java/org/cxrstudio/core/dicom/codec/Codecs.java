package org.cxrstudio.core.dicom.codec;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Registry of the encapsulated transfer syntaxes this project can decode.
 *
 * <p>Native (uncompressed) syntaxes have no decoder here: the parser reads those itself.
 */
public final class Codecs {

    /** Native syntaxes by UID: named here, read by the parser itself. */
    private static final Map<String, String> NATIVE = Map.of(
            "1.2.840.10008.1.2", "Implicit VR Little Endian",
            "1.2.840.10008.1.2.1", "Explicit VR Little Endian",
            "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian",
            "1.2.840.10008.1.2.2", "Explicit VR Big Endian");

    /** Encapsulated syntaxes by UID, each with its name and a new decoder per call. */
    private static final Map<String, Encapsulated> ENCAPSULATED = Map.of(
            "1.2.840.10008.1.2.5", new Encapsulated("RLE Lossless", RleDecoder::new),
            "1.2.840.10008.1.2.4.50", new Encapsulated("JPEG Baseline (Process 1)", JpegDecoder::new),
            "1.2.840.10008.1.2.4.51", new Encapsulated("JPEG Extended (Process 2 & 4)", JpegDecoder::new),
            "1.2.840.10008.1.2.4.57", new Encapsulated("JPEG Lossless, Non-Hierarchical (Process 14)",
                    JpegLosslessDecoder::new),
            "1.2.840.10008.1.2.4.70", new Encapsulated(
                    "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 SV1)", JpegLosslessDecoder::new),
            "1.2.840.10008.1.2.4.80", new Encapsulated("JPEG-LS Lossless", JpegLsDecoder::new),
            "1.2.840.10008.1.2.4.81", new Encapsulated("JPEG-LS Lossy (Near-Lossless)", JpegLsDecoder::new),
            "1.2.840.10008.1.2.4.90", new Encapsulated("JPEG 2000 Lossless Only", Jpeg2000Decoder::new),
            "1.2.840.10008.1.2.4.91", new Encapsulated("JPEG 2000", Jpeg2000Decoder::new));

    private record Encapsulated(String name, Supplier<FrameDecoder> decoder) {
    }

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
        return Optional.ofNullable(ENCAPSULATED.get(transferSyntaxUid.trim())).map(e -> e.decoder().get());
    }

    /** A human-readable name for a transfer syntax UID, or the UID itself when unknown. */
    public static String describe(String transferSyntaxUid) {
        if (transferSyntaxUid == null) {
            return "(no transfer syntax)";
        }
        String uid = transferSyntaxUid.trim();
        Encapsulated e = ENCAPSULATED.get(uid);
        return e != null ? e.name() : NATIVE.getOrDefault(uid, transferSyntaxUid);
    }
}
