package org.cxrstudio.ui.pacs;

import static org.cxrstudio.core.io.Strings.strippedOrEmpty;

/**
 * A configured archive as remembered between runs: never a password (that is kept in memory for
 * the session only, see {@link PacsViewModel#setPassword}).
 *
 * @param name display name
 * @param url  DICOMweb root
 * @param user HTTP Basic user, or empty for none
 */
public record ServerEntry(String name, String url, String user) {
    public ServerEntry {
        name = strippedOrEmpty(name);
        url = strippedOrEmpty(url);
        user = strippedOrEmpty(user);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? url : name;
    }
}
