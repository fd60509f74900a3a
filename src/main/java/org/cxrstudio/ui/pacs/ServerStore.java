package org.cxrstudio.ui.pacs;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Remembers the configured servers (name, URL, user; never a password) in the user's
 * preferences. Not thread-safe; UI thread.
 */
public final class ServerStore {
    private final Preferences prefs;

    public ServerStore(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<ServerEntry> load() {
        List<ServerEntry> out = new ArrayList<>();
        int n = prefs.getInt("count", 0);
        for (int i = 0; i < Math.min(n, 50); i++) {
            String url = prefs.get(i + ".url", "");
            if (!url.isBlank()) {
                out.add(new ServerEntry(prefs.get(i + ".name", ""), url, prefs.get(i + ".user", "")));
            }
        }
        return out;
    }

    public void save(List<ServerEntry> servers) {
        try {
            prefs.clear();
        } catch (BackingStoreException e) {
            // keep going: the keys below overwrite
        }
        prefs.putInt("count", servers.size());
        for (int i = 0; i < servers.size(); i++) {
            ServerEntry s = servers.get(i);
            prefs.put(i + ".name", s.name());
            prefs.put(i + ".url", s.url());
            prefs.put(i + ".user", s.user());
        }
    }
}
