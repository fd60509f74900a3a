package org.cxrstudio.core.pacs;

import org.cxrstudio.core.dicom.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Just enough of a DICOM Part 10 file to file it: checks the {@code DICM} preamble and reads the
 * Media Storage SOP Instance UID from the meta header (explicit VR little endian, PS3.10 7.1).
 * Stateless.
 */
final class Part10 {
    /** A UID as PS3.5 9.1 allows (digits and dots, at most 64), so it is also a safe file name. */
    static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int HEAD = 128 + 4 + 16 * 1024;

    private Part10() { }

    static boolean isUid(String s) {
        return s != null && s.length() <= 64 && UID.matcher(s).matches();
    }

    /** The SOP Instance UID of the meta header, or an error saying why the file is not Part 10. */
    static String sopInstanceUid(Path file, String what) throws PacsException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new PacsException(what + ": cannot read back the received file (" + e.getMessage() + ")", e);
        }
        if (head.length < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
            throw new PacsException(what + " is not a DICOM Part 10 file (no DICM preamble; malformed multipart part)");
        }
        int p = 132;
        while (p + 8 <= head.length) {
            int group = u16(head, p);
            int element = u16(head, p + 2);
            if (group != 0x0002) {
                break;
            }
            String vr = new String(head, p + 4, 2, StandardCharsets.US_ASCII);
            long len;
            int value;
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")
                    || vr.equals("UC") || vr.equals("UR")) {
                if (p + 12 > head.length) {
                    break;
                }
                len = u16(head, p + 8) | ((long) u16(head, p + 10) << 16);
                value = p + 12;
            } else {
                len = u16(head, p + 6);
                value = p + 8;
            }
            if (value + len > head.length) {
                break;
            }
            if (((group << 16) | element) == Tags.MEDIA_STORAGE_SOP_INSTANCE_UID) {
                String uid = new String(head, value, (int) len, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
                if (!isUid(uid)) {
                    throw new PacsException(what + " has an invalid SOP Instance UID in its meta header");
                }
                return uid;
            }
            p = value + (int) len;
        }
        throw new PacsException(what + " has no Media Storage SOP Instance UID in its meta header");
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
    }
}
