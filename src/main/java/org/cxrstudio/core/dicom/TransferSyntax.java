package org.cxrstudio.core.dicom;

/** Transfer syntax UIDs the parser treats specially; all others are explicit VR little endian. */
public final class TransferSyntax {
    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_LE = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    /** RLE Lossless: encapsulated, explicit VR little endian. */
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    private TransferSyntax() { }

    /** True for the uncompressed syntaxes whose pixel data the parser reads itself. */
    public static boolean isNative(String uid) {
        return uid == null || IMPLICIT_LE.equals(uid) || EXPLICIT_LE.equals(uid) || DEFLATED_EXPLICIT_LE.equals(uid)
                || EXPLICIT_BE.equals(uid);
    }
}
