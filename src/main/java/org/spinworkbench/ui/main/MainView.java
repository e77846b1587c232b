package org.spinworkbench.ui.main;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.explorer.ProjectActions;
import org.spinworkbench.ui.explorer.ProjectExplorerView;
import org.spinworkbench.ui.project.ProjectOverviewView;

/** The main window's content: menus, explorer on the left, the centre panel, status bar. */
public final class MainView extends BorderPane {
    private final StackPane centre = new StackPane();
    private final Node emptyState;
    private final Node noSelection;
    private final Node overview;

    public MainView(MainViewModel viewModel, ProjectActions actions, MainMenuBar.WindowActions windowActions,
                    Messages messages) {
        setId("mainView");
        getStyleClass().add("main-view");

        emptyState = new EmptyStateView(messages, actions::newProject);
        Label hint = new Label(messages.get("main.noSelection"));
        hint.setId("noSelectionHint");
        hint.getStyleClass().add("hint");
        noSelection = hint;
        overview = new ProjectOverviewView(viewModel.overview(), messages);
        centre.setId("centre");
        centre.getStyleClass().add("centre");

        ProjectExplorerView explorer = new ProjectExplorerView(viewModel.explorer(), actions, messages);
        SplitPane split = new SplitPane(explorer, centre);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(explorer, false);

        setTop(new MainMenuBar(messages, actions, windowActions,
                viewModel.explorer().selectedProjectProperty().isNull()));
        setCenter(split);
        setBottom(new StatusBarView(viewModel.status()));

        viewModel.centreProperty().addListener((observable, before, now) -> show(now));
        show(viewModel.centreProperty().get());
    }

    private void show(MainViewModel.Centre what) {
        switch (what) {
            case LOADING -> centre.getChildren().clear();
            case EMPTY_WORKSPACE -> centre.getChildren().setAll(emptyState);
            case NO_SELECTION -> centre.getChildren().setAll(noSelection);
            case PROJECT -> centre.getChildren().setAll(overview);
        }
    }
}
