package org.spinworkbench.ui.common;

/** The window's look; stored in the workspace settings by {@link #settingValue()}. */
public enum Theme {
    LIGHT("light", "settings.theme.light"),
    DARK("dark", "settings.theme.dark");

    private final String settingValue;
    private final String messageKey;

    Theme(String settingValue, String messageKey) {
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

    /** The theme stored under {@code value}; {@link #LIGHT} for anything unknown. */
    public static Theme fromSettingValue(String value) {
        return DARK.settingValue.equals(value) ? DARK : LIGHT;
    }
}
