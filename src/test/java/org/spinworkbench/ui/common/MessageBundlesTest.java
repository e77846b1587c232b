package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {
    private static final Pattern KEY_IN_CODE = Pattern.compile("messages\\.get\\(\"([A-Za-z.]+)\"");
    private static final Pattern LANGUAGE_KEY = Pattern.compile("\"(language\\.[A-Za-z]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames()));
    }

    @Test
    void noTextIsEmptyAndEveryTextIsAValidPattern() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertFalse(value.isBlank(), file + ": " + key + " is empty");
                new MessageFormat(value); // throws on a broken pattern
                // a lone ' starts a quoted span in MessageFormat and is dropped: "run's" shows as "runs";
                // quoting is for braces shown as they are ('{"prompt"}') and nothing else
                String unquoted = value.replace("''", "").replaceAll("'[^']*[{}][^']*'", "");
                assertFalse(unquoted.contains("'"), file + ": " + key + " has a lone apostrophe (write '')");
            }
        }
    }

    @Test
    void theChineseBundleIsTranslated() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        long translated = english.stringPropertyNames().stream()
                .filter(key -> !english.getProperty(key).equals(chinese.getProperty(key))).count();
        // Product names and "OK"-like words may stay; the rest must not.
        assertTrue(translated > english.size() * 0.85, translated + " of " + english.size() + " translated");
        assertEquals("文件(_F)", chinese.getProperty("menu.file"));
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/spinworkbench/ui"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(KEY_IN_CODE.matcher(code), used);
                collect(LANGUAGE_KEY.matcher(code), used);
            }
        }
        assertTrue(used.size() > 50, "found only " + used.size() + " keys: is the pattern still right?");
        Properties english = load("messages.properties");
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing);
    }

    @Test
    void englishIsNotReplacedByTheSystemLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("_File", Messages.forLocale(Locale.ENGLISH).get("menu.file"));
            assertEquals("文件(_F)", Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("menu.file"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void formatsArgumentsAndPlurals() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        assertEquals("No projects", english.get("status.projectCount", 0));
        assertEquals("1 project", english.get("status.projectCount", 1));
        assertEquals("1,200 projects", english.get("status.projectCount", 1200));
        assertEquals("Created project \"Alpha\"", english.get("status.created", "Alpha"));
        assertEquals("3 个项目", Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("status.projectCount", 3));
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Properties load(String file) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + file)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
