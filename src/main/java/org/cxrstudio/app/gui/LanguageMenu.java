package org.cxrstudio.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Window;
import org.cxrstudio.ui.Messages;

import java.util.Locale;
import java.util.Optional;

/**
 * View ▸ Language: follow the system, or one of {@link Messages#AVAILABLE}. The choice is saved in
 * the user preferences and applies on the next start (views are built once, in one language);
 * the menu says so when the choice changes. Each language is named in itself ("Français").
 */
final class LanguageMenu {
    private LanguageMenu() { }

    /** Adds the submenu to the menu bar's View menu (id {@code menuView}); no View menu, no change. */
    static void install(MenuBar bar, UserPrefs prefs, Locale system, Window owner) {
        Menu view = bar.getMenus().stream().filter(m -> "menuView".equals(m.getId())).findFirst().orElse(null);
        if (view == null) {
            return;
        }
        Menu language = new Menu(Messages.get("menu.language"));
        language.setId("menuLanguage");
        ToggleGroup group = new ToggleGroup();
        Optional<Locale> chosen = prefs.language();
        RadioMenuItem followSystem = new RadioMenuItem(Messages.format("menu.language.system", name(system)));
        followSystem.setToggleGroup(group);
        followSystem.setSelected(chosen.isEmpty());
        followSystem.setOnAction(e -> choose(prefs, Optional.empty(), owner));
        language.getItems().add(followSystem);
        for (Locale l : Messages.AVAILABLE) {
            RadioMenuItem item = new RadioMenuItem(name(l));
            item.setMnemonicParsing(false);
            item.setId("language-" + l.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(chosen.map(c -> c.getLanguage().equals(l.getLanguage())).orElse(false));
            item.setOnAction(e -> choose(prefs, Optional.of(l), owner));
            language.getItems().add(item);
        }
        view.getItems().addAll(new SeparatorMenuItem(), language);
    }

    /** The language's name in that language, capitalised ("English", "Français"). */
    static String name(Locale l) {
        String n = l.getDisplayLanguage(l);
        return n.isEmpty() ? l.toLanguageTag() : n.substring(0, 1).toUpperCase(l) + n.substring(1);
    }

    private static void choose(UserPrefs prefs, Optional<Locale> language, Window owner) {
        if (language.equals(prefs.language())) {
            return;
        }
        prefs.saveLanguage(language);
        Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("language.restart.text"));
        a.setHeaderText(Messages.get("language.restart.title"));
        a.initOwner(owner);
        a.show();
    }
}
