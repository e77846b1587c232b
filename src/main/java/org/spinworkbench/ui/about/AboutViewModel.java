package org.spinworkbench.ui.about;

import java.nio.file.Path;
import org.spinworkbench.AppInfo;
import org.spinworkbench.ui.common.Messages;

/** What the About dialog says: the product, its version and the platform it runs on. */
public final class AboutViewModel {
    private final Messages messages;
    private final Path workspace;

    public AboutViewModel(Messages messages, Path workspace) {
        this.messages = messages;
        this.workspace = workspace;
    }

    public String productName() {
        return AppInfo.NAME;
    }

    public String version() {
        return messages.get("about.version", AppInfo.version());
    }

    public String description() {
        return messages.get("about.description");
    }

    public String javaVersion() {
        return messages.get("about.java", System.getProperty("java.version"),
                System.getProperty("java.vendor", ""));
    }

    public String javaFxVersion() {
        return messages.get("about.javafx", System.getProperty("javafx.runtime.version", "?"));
    }

    public String workspaceFolder() {
        return messages.get("about.workspace", workspace.toString());
    }
}
