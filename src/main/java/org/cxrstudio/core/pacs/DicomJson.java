package org.cxrstudio.core.pacs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the DICOM JSON model (PS3.18 F.2) that QIDO-RS answers: an array of objects keyed by
 * 8-hex-digit tags ({@code "00100020"}), each with {@code vr} and {@code Value}. Tolerates absent
 * or empty values; anything that is not that shape is a {@link PacsException}. Stateless.
 */
final class DicomJson {
    private DicomJson() { }

    /** Parses a QIDO-RS body; {@code source} (the URL) names it in error messages. */
    static List<JsonObject> parse(String body, String source) throws PacsException {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException | IllegalStateException e) {
            throw new PacsException(source + ": malformed JSON from the server (" + firstLine(e.getMessage()) + ")", e);
        }
        if (!root.isJsonArray()) {
            throw new PacsException(source + ": expected a JSON array of DICOM objects, got " + kind(root));
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                throw new PacsException(source + ": expected DICOM JSON objects in the array, got " + kind(e));
            }
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    /** All values of {@code tag} as text (a PN becomes its Alphabetic group); empty list if absent. */
    static List<String> strings(JsonObject o, String tag) {
        List<String> out = new ArrayList<>();
        JsonElement attr = o.get(tag);
        if (attr == null || !attr.isJsonObject()) {
            return out;
        }
        JsonElement value = attr.getAsJsonObject().get("Value");
        if (value == null || !value.isJsonArray()) {
            return out;
        }
        for (JsonElement v : (JsonArray) value) {
            if (v.isJsonPrimitive()) {
                out.add(v.getAsString());
            } else if (v.isJsonObject() && v.getAsJsonObject().get("Alphabetic") instanceof JsonPrimitive a) {
                out.add(a.getAsString()); // a PN; a malformed one (Alphabetic not text) counts as absent
            }
        }
        return out;
    }

    /** The first value of {@code tag}, or empty string. */
    static String string(JsonObject o, String tag) {
        List<String> s = strings(o, tag);
        return s.isEmpty() ? "" : s.get(0);
    }

    /** The first value as an integer, or -1 if absent or not a number. */
    static int integer(JsonObject o, String tag) {
        try {
            return (int) Double.parseDouble(string(o, tag).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Requires a non-empty UID, else a malformed-answer error naming the tag. */
    static String uid(JsonObject o, String tag, String source) throws PacsException {
        String s = string(o, tag);
        if (s.isBlank()) {
            throw new PacsException(source + ": a result lacks the required UID " + tag);
        }
        return s.strip();
    }

    private static String kind(JsonElement e) {
        return e.isJsonObject() ? "an object" : e.isJsonArray() ? "an array" : e.isJsonNull() ? "null" : "a value";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
