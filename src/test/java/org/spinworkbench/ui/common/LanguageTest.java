package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void systemDefaultFollowsTheOperatingSystem() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Language.SYSTEM.locale(Locale.forLanguageTag("zh-CN")));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Language.SYSTEM.locale(Locale.forLanguageTag("zh-Hans-SG")));
        assertEquals(Locale.ENGLISH, Language.SYSTEM.locale(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.ENGLISH, Language.SYSTEM.locale(Locale.GERMANY));
        assertEquals(Locale.ENGLISH, Language.SYSTEM.locale(Locale.US));
    }

    @Test
    void aChosenLanguageWinsOverTheSystem() {
        assertEquals(Locale.ENGLISH, Language.ENGLISH.locale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Language.SIMPLIFIED_CHINESE.locale(Locale.US));
    }

    @Test
    void settingValuesRoundTripAndUnknownMeansSystem() {
        for (Language language : Language.values()) {
            assertEquals(language, Language.fromSettingValue(language.settingValue()));
        }
        assertEquals(Language.SYSTEM, Language.fromSettingValue("klingon"));
        assertEquals(Language.SYSTEM, Language.fromSettingValue(null));
    }
}
