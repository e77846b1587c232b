package org.spinworkbench.ui.common;

import java.util.List;
import javafx.geometry.Rectangle2D;

/** Where the main window was, in screen coordinates, and whether it was maximized. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 800;
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 420;
    /** How much of the title bar must lie on a screen for a saved position to be kept. */
    private static final double MIN_VISIBLE = 80;

    /** The first-start size, centred on {@code screen} and shrunk to fit it. */
    public static WindowGeometry centredOn(Rectangle2D screen) {
        double width = Math.min(DEFAULT_WIDTH, screen.getWidth());
        double height = Math.min(DEFAULT_HEIGHT, screen.getHeight());
        return new WindowGeometry(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height, false);
    }

    /**
     * This geometry made visible: on the screen that shows its top edge, shrunk to that
     * screen and moved inside it; centred on {@code primary} when no screen shows it (a
     * monitor was unplugged since it was saved).
     */
    public WindowGeometry fitTo(List<Rectangle2D> screens, Rectangle2D primary) {
        Rectangle2D titleBar = new Rectangle2D(x, y, Math.max(1, width), 30);
        for (Rectangle2D screen : screens) {
            if (visibleWidth(titleBar, screen) >= Math.min(MIN_VISIBLE, width)) {
                return moveInside(screen);
            }
        }
        WindowGeometry centred = centredOn(primary);
        return new WindowGeometry(centred.x, centred.y, centred.width, centred.height, maximized);
    }

    private WindowGeometry moveInside(Rectangle2D screen) {
        double w = Math.min(Math.max(width, MIN_WIDTH), screen.getWidth());
        double h = Math.min(Math.max(height, MIN_HEIGHT), screen.getHeight());
        double left = Math.min(Math.max(x, screen.getMinX()), screen.getMaxX() - w);
        double top = Math.min(Math.max(y, screen.getMinY()), screen.getMaxY() - h);
        return new WindowGeometry(left, top, w, h, maximized);
    }

    private static double visibleWidth(Rectangle2D bar, Rectangle2D screen) {
        if (!bar.intersects(screen)) {
            return 0;
        }
        return Math.min(bar.getMaxX(), screen.getMaxX()) - Math.max(bar.getMinX(), screen.getMinX());
    }
}
