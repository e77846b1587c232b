package org.spinworkbench.ui.main;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.spinworkbench.ui.common.Messages;
import org.spinworkbench.ui.explorer.ProjectActions;
import org.spinworkbench.ui.explorer.ProjectExplorerView;
import org.spinworkbench.ui.project.ProjectOverviewView;
import org.spinworkbench.ui.project.RunScreens;

/** The main window's content: menus, explorer on the left, the centre panel, status bar. */
public final class MainView extends BorderPane {
    private static final double EXPLORER_WIDTH = 270;

    private final StackPane centre = new StackPane();
    private final Node emptyState;
    private final Node noSelection;
    private final Node overview;

    public MainView(MainViewModel viewModel, ProjectActions actions, MainMenuBar.WindowActions windowActions,
                    RunScreens screens, Messages messages) {
        setId("mainView");
        getStyleClass().add("main-view");

        emptyState = new EmptyStateView(messages, actions::newProject, windowActions::openDemo);
        Label hint = new Label(messages.get("main.noSelection"));
        hint.setId("noSelectionHint");
        hint.getStyleClass().add("hint");
        noSelection = hint;
        overview = new ProjectOverviewView(viewModel.overview(), viewModel.runs(), screens, messages);
        centre.setId("centre");
        centre.getStyleClass().add("centre");

        ProjectExplorerView explorer = new ProjectExplorerView(viewModel.explorer(), actions, messages);
        SplitPane split = new SplitPane(explorer, centre);
        SplitPane.setResizableWithParent(explorer, false);
        placeDividerOnceSized(split);

        setTop(new MainMenuBar(messages, actions, windowActions,
                viewModel.explorer().selectedProjectProperty().isNull()));
        setCenter(split);
        setBottom(new StatusBarView(viewModel.status()));

        viewModel.centreProperty().addListener((observable, before, now) -> show(now));
        show(viewModel.centreProperty().get());
    }

    /**
     * Divider positions are fractions, and the explorer keeps its width when the window
     * resizes: so the fraction is set once the split has its real width, not the width of
     * its first, pre-window layout.
     */
    private static void placeDividerOnceSized(SplitPane split) {
        split.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> observable, Number before,
                                Number now) {
                if (now.doubleValue() > EXPLORER_WIDTH * 2) {
                    split.setDividerPositions(EXPLORER_WIDTH / now.doubleValue());
                    split.widthProperty().removeListener(this);
                }
            }
        });
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
