package org.spinworkbench.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible texts of one language, from the {@code i18n.messages} bundle. */
public final class Messages {
    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    /** {@code locale} formats numbers and dates: the base bundle itself reports the root locale. */
    public Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * Loads the bundle for {@code locale}. No fallback to the JVM's default locale: English
     * asked for on a Chinese system must give the base (English) file, not the Chinese one.
     */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}, with <code>{0}</code>, <code>{1}</code>… filled from {@code arguments}. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // visible in the window and caught by the bundle tests, never a crash
        }
        // Every text is a MessageFormat pattern, with or without arguments, so quotes are
        // written the same way ('') everywhere in the bundles.
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
