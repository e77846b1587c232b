package org.spinworkbench.ui.common;

import java.util.Locale;

/** The languages the window can be shown in; stored in the workspace settings by {@link #settingValue()}. */
public enum Language {
    SYSTEM("system", "language.system"),
    ENGLISH("en", "language.english"),
    SIMPLIFIED_CHINESE("zh-CN", "language.simplifiedChinese");

    private final String settingValue;
    private final String messageKey;

    Language(String settingValue, String messageKey) {
        this.settingValue = settingValue;
        this.messageKey = messageKey;
    }

    public String settingValue() {
        return settingValue;
    }

    /** The bundle key of this choice's name as shown in the settings dialog. */
    public String messageKey() {
        return messageKey;
    }

    /** The locale to show the window in, given the operating system's. */
    public Locale locale(Locale system) {
        return switch (this) {
            case ENGLISH -> Locale.ENGLISH;
            case SIMPLIFIED_CHINESE -> Locale.SIMPLIFIED_CHINESE;
            case SYSTEM -> isSimplifiedChinese(system) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        };
    }

    /** The language stored under {@code value}; {@link #SYSTEM} for anything unknown. */
    public static Language fromSettingValue(String value) {
        for (Language language : values()) {
            if (language.settingValue.equals(value)) {
                return language;
            }
        }
        return SYSTEM;
    }

    private static boolean isSimplifiedChinese(Locale locale) {
        if (!"zh".equals(locale.getLanguage())) {
            return false;
        }
        String script = locale.getScript();
        String country = locale.getCountry();
        return "Hans".equals(script) || (script.isEmpty() && (country.isEmpty() || "CN".equals(country)
                || "SG".equals(country)));
    }
}
