package org.spinworkbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowGeometryTest {
    private static final Rectangle2D LEFT = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 1280, 1024);

    @Test
    void firstStartIsTheDefaultSizeCentred() {
        assertEquals(new WindowGeometry(360, 140, 1200, 800, false), WindowGeometry.centredOn(LEFT));
        assertEquals(new WindowGeometry(0, 0, 1024, 700, false),
                WindowGeometry.centredOn(new Rectangle2D(0, 0, 1024, 700)));
    }

    @Test
    void aVisiblePositionIsKept() {
        var saved = new WindowGeometry(100, 50, 900, 600, false);
        assertEquals(saved, saved.fitTo(List.of(LEFT, RIGHT), LEFT));
        var onRight = new WindowGeometry(2000, 100, 900, 600, true);
        assertEquals(onRight, onRight.fitTo(List.of(LEFT, RIGHT), LEFT));
    }

    @Test
    void aWindowOnAScreenThatIsGoneComesBackCentredOnThePrimary() {
        var onRight = new WindowGeometry(2000, 100, 900, 600, false);
        assertEquals(WindowGeometry.centredOn(LEFT), onRight.fitTo(List.of(LEFT), LEFT));
    }

    @Test
    void aWindowPartlyOffScreenIsMovedAndShrunkToFit() {
        var tooBig = new WindowGeometry(-200, 10, 2500, 1300, false);
        assertEquals(new WindowGeometry(0, 0, 1920, 1080, false), tooBig.fitTo(List.of(LEFT), LEFT));
        var hangingOff = new WindowGeometry(1700, 900, 800, 600, false);
        assertEquals(new WindowGeometry(1120, 480, 800, 600, false), hangingOff.fitTo(List.of(LEFT), LEFT));
    }

    @Test
    void aTitleBarAboveTheScreenCannotBeGrabbedSoTheWindowIsCentred() {
        var above = new WindowGeometry(100, -200, 800, 600, false);
        assertEquals(WindowGeometry.centredOn(LEFT), above.fitTo(List.of(LEFT), LEFT));
    }

    @Test
    void aTinyWindowGrowsToTheMinimum() {
        var tiny = new WindowGeometry(10, 10, 50, 20, false);
        assertEquals(new WindowGeometry(10, 10, WindowGeometry.MIN_WIDTH, WindowGeometry.MIN_HEIGHT, false),
                tiny.fitTo(List.of(LEFT), LEFT));
    }
}
