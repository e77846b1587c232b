package org.spinworkbench.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One side of a {@link ResponseDiff} as styled text: the real side marks what only the real
 * response has ({@code diff-removed}), the synthetic side what only the synthetic one has
 * ({@code diff-added}); shared text is plain ({@code diff-same}).
 */
final class DiffText {
    static final String SAME = "diff-same";
    static final String REMOVED = "diff-removed";
    static final String ADDED = "diff-added";

    private DiffText() {
    }

    /** Fills {@code flow} with the real side ({@code real}) or the synthetic side; {@code empty} shows for no text. */
    static void show(TextFlow flow, ResponseDiff diff, boolean real, String empty) {
        List<Node> texts = new ArrayList<>();
        if (diff != null) {
            for (DiffSegment segment : diff.segments()) {
                if (real ? segment.inReal() : segment.inSynthetic()) {
                    Text text = new Text(segment.text());
                    text.getStyleClass().addAll("diff-text", styleOf(segment.kind()));
                    texts.add(text);
                }
            }
            if (texts.isEmpty()) {
                Text none = new Text(empty);
                none.getStyleClass().addAll("diff-text", "diff-empty");
                texts.add(none);
            }
        }
        flow.getChildren().setAll(texts);
    }

    private static String styleOf(DiffSegment.Kind kind) {
        return switch (kind) {
            case SAME -> SAME;
            case REMOVED -> REMOVED;
            case ADDED -> ADDED;
        };
    }
}
