package org.spinworkbench.ui.main;

import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bar along the bottom of the window. */
public final class StatusBarView extends HBox {

    public StatusBarView(StatusBarViewModel viewModel) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setSpacing(10);

        Label message = new Label();
        message.setId("statusMessage");
        message.textProperty().bind(viewModel.messageProperty());
        message.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label count = new Label();
        count.setId("statusProjectCount");
        count.textProperty().bind(viewModel.projectCountTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label device = new Label();
        device.setId("statusDevice");
        device.textProperty().bind(viewModel.deviceProperty());
        device.setMinWidth(Region.USE_PREF_SIZE);
        Label workspace = new Label(viewModel.workspace());
        workspace.setId("statusWorkspace");
        workspace.setMinWidth(0);

        getChildren().addAll(message, gap, count, new Separator(Orientation.VERTICAL), device,
                new Separator(Orientation.VERTICAL), workspace);
    }
}
