package org.spinworkbench.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** A chart's snapshot as a PNG file; the snapshot is taken on the FX thread, the file written off it. */
final class ChartPictures {
    private ChartPictures() {
    }

    static Path writePng(WritableImage picture, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(picture, null), "png", file.toFile())) {
            throw new IOException("No PNG writer is available to save " + file + ".");
        }
        return file;
    }
}
