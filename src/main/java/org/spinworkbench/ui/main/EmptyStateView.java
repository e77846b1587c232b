package org.spinworkbench.ui.main;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/**
 * What a workspace without projects shows: what the workbench is for, the first step, and
 * the workshop demo for those who want to see SPIN work before bringing a model of their own.
 */
public final class EmptyStateView extends VBox {

    public EmptyStateView(Messages messages, Runnable newProject, Runnable runDemo) {
        setId("emptyState");
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(14);

        Label title = new Label(messages.get("empty.title"));
        title.getStyleClass().add("empty-title");
        Label what = new Label(messages.get("empty.what"));
        what.setWrapText(true);
        what.getStyleClass().add("empty-text");
        Label next = new Label(messages.get("empty.next"));
        next.setWrapText(true);
        next.getStyleClass().add("empty-text");
        Button create = new Button(messages.get("empty.create"));
        create.setId("emptyStateCreateButton");
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.setOnAction(event -> newProject.run());
        Button demo = new Button(messages.get("empty.demo"));
        demo.setId("emptyStateDemoButton");
        demo.setOnAction(event -> runDemo.run());
        Label demoHint = new Label(messages.get("empty.demo.hint"));
        demoHint.setId("emptyStateDemoHint");
        demoHint.setWrapText(true);
        demoHint.setMaxWidth(520);
        demoHint.getStyleClass().add("hint");

        VBox text = new VBox(10, title, what, next);
        text.setMaxWidth(520);
        text.setAlignment(Pos.CENTER_LEFT);
        VBox demoBox = new VBox(6, demo, demoHint);
        demoBox.setAlignment(Pos.CENTER);
        getChildren().addAll(text, create, demoBox);
    }
}
