package org.cxrstudio.ui;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI strings from {@code org/cxrstudio/ui/messages.properties}. */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.cxrstudio.ui.messages");

    private Messages() { }

    /** The text for {@code key}, or the key itself when missing (visible but not fatal). */
    public static String get(String key) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
