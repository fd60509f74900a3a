package org.cxrstudio.core.pacs;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** New DICOM UIDs of the form {@code 2.25.<UUID as an unsigned decimal>} (PS3.5 B.2). Thread-safe. */
public final class DicomUids {
    private DicomUids() { }

    /** A fresh UID from a random (type 4) UUID; at most 44 characters. */
    public static String create() {
        UUID u = UUID.randomUUID();
        byte[] b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, b);
    }
}
