package org.cxrstudio.ui.pacs;

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
        name = name == null ? "" : name.strip();
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
    }

    @Override
    public String toString() {
        return name.isEmpty() ? url : name;
    }
}
