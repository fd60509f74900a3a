package org.cxrstudio.app.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The language chosen in View ▸ Language survives a restart; "system" forgets the choice. */
class UserPrefsLanguageTest {
    private final Preferences node = Preferences.userRoot().node("org/cxrstudio/test/language-" + System.nanoTime());

    @AfterEach
    void clean() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aChosenLanguageIsReadBackByTheNextStart() {
        assertThat(new UserPrefs(node).language()).isEmpty();
        new UserPrefs(node).saveLanguage(Optional.of(Locale.FRENCH));
        assertThat(new UserPrefs(node).language()).contains(Locale.FRENCH);
        new UserPrefs(node).saveLanguage(Optional.empty());
        assertThat(new UserPrefs(node).language()).isEmpty();
    }

    @Test
    void languagesAreNamedInThemselves() {
        assertThat(LanguageMenu.name(Locale.FRENCH)).isEqualTo("Français");
        assertThat(LanguageMenu.name(Locale.ENGLISH)).isEqualTo("English");
    }
}
