package org.spinworkbench.ui.compare;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.spinworkbench.ui.common.Messages;

/** The selected prompt, then its real and synthetic responses side by side with their differences marked. */
final class ResponsesPane extends VBox {
    private final TextFlow real = flow("compareRealText");
    private final TextFlow synthetic = flow("compareSyntheticText");

    ResponsesPane(PromptDetailsViewModel details, Messages messages) {
        super(6);
        setId("compareResponses");
        Label promptHeading = heading(messages.get("compare.prompt"));
        Label prompt = new Label();
        prompt.setId("comparePromptText");
        prompt.setWrapText(true);
        prompt.getStyleClass().add("compare-prompt-text");
        details.rowProperty().addListener((observable, before, now) ->
                prompt.setText(now == null ? messages.get("compare.noSelection") : now.prompt()));
        prompt.setText(messages.get("compare.noSelection"));

        SplitPane sides = new SplitPane(side(heading(messages.get("compare.real")), real),
                side(heading(messages.get("compare.synthetic")), synthetic));
        sides.setId("compareSides");
        sides.setOrientation(Orientation.HORIZONTAL);
        VBox.setVgrow(sides, Priority.ALWAYS);

        Label similarity = new Label();
        similarity.setId("compareSimilarity");
        similarity.getStyleClass().add("compare-muted");
        similarity.textProperty().bind(details.similarityProperty());
        Label removed = legend(messages.get("compare.legend.removed"), DiffText.REMOVED);
        Label added = legend(messages.get("compare.legend.added"), DiffText.ADDED);
        HBox legend = new HBox(14, similarity, removed, added);

        String empty = messages.get("compare.empty");
        details.diffProperty().addListener((observable, before, now) -> {
            DiffText.show(real, now, true, empty);
            DiffText.show(synthetic, now, false, empty);
        });
        getChildren().addAll(promptHeading, prompt, sides, legend);
    }

    private static VBox side(Label heading, TextFlow flow) {
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("compare-response");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox side = new VBox(4, heading, scroll);
        side.setMinWidth(120);
        return side;
    }

    private static TextFlow flow(String id) {
        TextFlow flow = new TextFlow();
        flow.setId(id);
        flow.getStyleClass().add("compare-response-text");
        return flow;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-section");
        return label;
    }

    private static Label legend(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll("compare-legend", styleClass + "-legend");
        return label;
    }
}
