package org.spinworkbench.ui.common;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Hands a folder or file to the desktop (the file manager, the reader for its type), off the
 * FX thread (the desktop call may take a moment, and AWT must not run on the FX thread). Where
 * the desktop offers no such thing, as in a bare X session, nothing happens: the caller's
 * message names the path anyway.
 */
public final class DesktopOpener {
    private DesktopOpener() {
    }

    public static void open(Path folder) {
        if (folder == null) {
            return;
        }
        Thread opener = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(folder.toFile());
                }
            } catch (IOException | RuntimeException e) {
                // nothing to hand the path to: the caller's message names it
            }
        }, "spin-workbench-open-folder");
        opener.setDaemon(true);
        opener.start();
    }
}
