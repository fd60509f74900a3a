package org.cxrstudio.core.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The elements of one dataset or sequence item, by tag, with typed accessors that tolerate the
 * usual real-world sloppiness (padding, blank values) and return empty instead of throwing for
 * absent or unparsable values. Not thread-safe while being built; read-only afterwards.
 */
public final class DicomDataset {
    private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();
    private Charset charset = StandardCharsets.ISO_8859_1;

    void put(DicomElement e) {
        elements.put(e.tag(), e);
        if (e.tag() == Tags.SPECIFIC_CHARACTER_SET) {
            String cs = string(Tags.SPECIFIC_CHARACTER_SET).orElse("");
            charset = cs.contains("ISO_IR 192") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
    }

    /** All elements in file order. */
    public Map<Integer, DicomElement> elements() {
        return Collections.unmodifiableMap(elements);
    }

    public Optional<DicomElement> get(int tag) {
        return Optional.ofNullable(elements.get(tag));
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** The whole text value, trimmed of padding (spaces and NULs); empty if absent or blank. */
    public Optional<String> string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() == 0 || !e.fragments().isEmpty() || !e.items().isEmpty()) {
            return Optional.empty();
        }
        String s = new String(e.buffer(), e.offset(), e.length(), charset).replace('\0', ' ').strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** Backslash-separated text values, each trimmed. */
    public List<String> strings(int tag) {
        return string(tag).map(s -> List.of(s.split("\\\\", -1)).stream().map(String::strip).toList()).orElse(List.of());
    }

    /** Decimal/integer string values (DS, IS); unparsable values are skipped. */
    public double[] decimals(int tag) {
        return strings(tag).stream().flatMapToDouble(s -> {
            try {
                double d = Double.parseDouble(s);
                return Double.isFinite(d) ? java.util.stream.DoubleStream.of(d) : java.util.stream.DoubleStream.empty();
            } catch (NumberFormatException ex) {
                return java.util.stream.DoubleStream.empty();
            }
        }).toArray();
    }

    /** First decimal value. */
    public Optional<Double> decimal(int tag) {
        double[] d = decimals(tag);
        return d.length == 0 ? Optional.empty() : Optional.of(d[0]);
    }

    /**
     * First value of an unsigned short (US/SS) element; in implicit VR files whose dictionary
     * VR is unknown, a 4-byte value is read as UL and a text value as IS.
     */
    public Optional<Integer> uint(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() == 0) {
            return Optional.empty();
        }
        switch (e.vr()) {
            case "US", "SS", "OW", "UN":
                return e.length() >= 2 ? Optional.of(e.u16(0)) : Optional.empty();
            case "UL", "SL":
                return e.length() >= 4 ? Optional.of((int) Math.min(Integer.MAX_VALUE, e.u32(0))) : Optional.empty();
            case "IS", "DS":
                return decimal(tag).map(d -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d)));
            default:
                return Optional.empty();
        }
    }

    /** Items of a sequence (empty if absent or not a sequence). */
    public List<DicomDataset> sequence(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items();
    }
}
