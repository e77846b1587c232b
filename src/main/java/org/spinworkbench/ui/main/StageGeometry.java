package org.spinworkbench.ui.main;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.spinworkbench.ui.common.WindowGeometry;

/**
 * Puts a stage where it was and remembers where it is. A maximized stage reports the
 * screen's bounds, so the bounds it had before it was maximized are tracked separately:
 * those are what a later start restores under the maximized flag.
 */
final class StageGeometry {
    private final Stage stage;
    private Rectangle2D normalBounds;

    StageGeometry(Stage stage) {
        this.stage = stage;
    }

    /** Applies {@code saved} (or the default size) fitted to the screens there are now; call before showing. */
    void restore(WindowGeometry saved) {
        assert Platform.isFxApplicationThread();
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        WindowGeometry fitted = saved == null ? WindowGeometry.centredOn(primary) : saved.fitTo(screens, primary);
        stage.setX(fitted.x());
        stage.setY(fitted.y());
        stage.setWidth(fitted.width());
        stage.setHeight(fitted.height());
        stage.setMaximized(fitted.maximized());
        normalBounds = new Rectangle2D(fitted.x(), fitted.y(), fitted.width(), fitted.height());
        stage.xProperty().addListener((o, before, now) -> track());
        stage.yProperty().addListener((o, before, now) -> track());
        stage.widthProperty().addListener((o, before, now) -> track());
        stage.heightProperty().addListener((o, before, now) -> track());
    }

    /** Where the stage is now, with its unmaximized bounds. */
    WindowGeometry current() {
        track();
        return new WindowGeometry(normalBounds.getMinX(), normalBounds.getMinY(),
                normalBounds.getWidth(), normalBounds.getHeight(), stage.isMaximized());
    }

    private void track() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()
                && stage.getWidth() > 0 && stage.getHeight() > 0 && !Double.isNaN(stage.getX())) {
            normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }
}
