package org.cxrstudio.core.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps raw group values to the groups reported. The default joins the two formats in which
 * the DA/DB set was distributed ({@code da_db_png}, {@code da_db_jpg}) into one source
 * {@code da_db}: they come from the same hospital. Values not in the map stay as they are.
 *
 * @param aliases raw value → reported group
 */
public record SourceMapping(Map<String, String> aliases) {
    /** {@code da_db_png → da_db}, {@code da_db_jpg → da_db}. */
    public static final SourceMapping DEFAULT = new SourceMapping(Map.of("da_db_png", "da_db", "da_db_jpg", "da_db"));
    /** Keeps every raw value. */
    public static final SourceMapping IDENTITY = new SourceMapping(Map.of());

    public SourceMapping {
        aliases = Map.copyOf(new LinkedHashMap<>(aliases));
    }

    public String apply(String raw) {
        return aliases.getOrDefault(raw, raw);
    }
}
