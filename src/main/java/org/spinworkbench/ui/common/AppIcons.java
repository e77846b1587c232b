package org.spinworkbench.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The application icon in the sizes window managers ask for. */
public final class AppIcons {
    private static final int[] SIZES = {16, 32, 64, 128};

    private AppIcons() {
    }

    public static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/icons/spin-workbench-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                // a window without an icon is still a working window
            }
        }
        return icons;
    }
}
