package org.cxrstudio.core.pacs;

import java.util.List;

/**
 * What a STOW-RS store accepted.
 *
 * @param storedSopUids SOP Instance UIDs the server listed as stored (Referenced SOP Sequence)
 * @param warnings      server warnings (e.g. coerced attributes), one line each; may be empty
 */
public record StoreResult(List<String> storedSopUids, List<String> warnings) {
    public StoreResult {
        storedSopUids = List.copyOf(storedSopUids);
        warnings = List.copyOf(warnings);
    }
}
