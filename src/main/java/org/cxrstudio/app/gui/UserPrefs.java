package org.cxrstudio.app.gui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's persistent settings in {@link Preferences} (per user): recent files, the UI
 * language and the site profile in use. Failures to persist are logged, never shown:
 * preferences are a convenience.
 */
final class UserPrefs {
    private static final Logger LOG = LoggerFactory.getLogger(UserPrefs.class);
    private static final String RECENT = "recent.";
    private static final String LANGUAGE = "language";
    private static final String SITE = "siteProfile";
    private final Preferences node;

    UserPrefs() {
        this(Preferences.userRoot().node("org/cxrstudio/viewer"));
    }

    /** Settings kept in {@code node} (tests use their own). */
    UserPrefs(Preferences node) {
        this.node = node;
    }

    /** The language the user chose (a BCP 47 tag such as "fr"), or empty for the system's. */
    Optional<Locale> language() {
        String tag = node.get(LANGUAGE, "");
        return tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    /** Remembers {@code language} for the next start; empty means follow the system. */
    void saveLanguage(Optional<Locale> language) {
        try {
            if (language.isPresent()) {
                node.put(LANGUAGE, language.get().toLanguageTag());
            } else {
                node.remove(LANGUAGE);
            }
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("could not save the language: {}", e.getMessage());
        }
    }

    List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String s = node.get(RECENT + i, null);
            if (s == null) {
                break;
            }
            try {
                out.add(Path.of(s));
            } catch (InvalidPathException e) {
                LOG.debug("ignoring bad recent entry {}", s);
            }
        }
        return out;
    }

    /** The site profile file last chosen, if any. */
    java.util.Optional<Path> siteProfile() {
        String s = node.get(SITE, null);
        try {
            return s == null ? java.util.Optional.empty() : java.util.Optional.of(Path.of(s));
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    /** Remembers the site profile file ({@code null} forgets it). */
    void saveSiteProfile(Path file) {
        try {
            if (file == null) {
                node.remove(SITE);
            } else {
                node.put(SITE, file.toAbsolutePath().toString());
            }
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("could not save the site profile setting: {}", e.getMessage());
        }
    }

    void saveRecentFiles(List<Path> files) {
        try {
            for (int i = 0; i < 20; i++) {
                if (i < files.size()) {
                    node.put(RECENT + i, files.get(i).toString());
                } else {
                    node.remove(RECENT + i);
                }
            }
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("could not save recent files: {}", e.getMessage());
        }
    }
}
