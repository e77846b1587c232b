package org.spinworkbench.ui.export;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Shows a folder in the desktop's file manager, off the FX thread (the desktop call may take
 * a moment, and AWT must not run on the FX thread). Where the desktop offers no such thing, as
 * in a bare X session, nothing happens: the dialog's message names the folder anyway.
 */
final class FolderOpener {
    private FolderOpener() {
    }

    static void open(Path folder) {
        if (folder == null) {
            return;
        }
        Thread opener = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    Desktop.getDesktop().open(folder.toFile());
                }
            } catch (IOException | RuntimeException e) {
                // no file manager to hand the folder to: the message above already names it
            }
        }, "spin-workbench-open-folder");
        opener.setDaemon(true);
        opener.start();
    }
}
