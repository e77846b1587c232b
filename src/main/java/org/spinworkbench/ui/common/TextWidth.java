package org.spinworkbench.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a text is drawn in the default font: for columns sized to their header and values. */
public final class TextWidth {
    /** Room for a table cell's insets and a header's sort arrow. */
    public static final double CELL_PADDING = 28;

    private TextWidth() {
    }

    public static double of(String text) {
        Text measured = new Text(text == null ? "" : text);
        measured.setFont(Font.getDefault());
        return measured.getLayoutBounds().getWidth();
    }

    /** The width a table column needs to show {@code text} whole. */
    public static double column(String text) {
        return Math.ceil(of(text)) + CELL_PADDING;
    }
}
