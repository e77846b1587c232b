package org.spinworkbench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product's name and version, as built. */
public final class AppInfo {
    public static final String NAME = "SPIN Workbench";

    private AppInfo() {
    }

    public static String version() {
        try (InputStream in = AppInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
