package org.spinworkbench.ui.project;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/** The centre panel for a selected project. */
public final class ProjectOverviewView extends ScrollPane {

    public ProjectOverviewView(ProjectOverviewViewModel viewModel, ProjectRunsViewModel runsViewModel, RunScreens screens,
                               Messages messages) {
        setId("projectOverview");
        setFitToWidth(true);
        setFitToHeight(true); // the runs table takes the height a tall window has (it scrolls below its minimum)
        getStyleClass().add("project-overview");

        Label title = new Label();
        title.setId("overviewName");
        title.getStyleClass().add("overview-title");
        title.textProperty().bind(viewModel.nameProperty());

        GridPane facts = new GridPane();
        facts.getStyleClass().add("overview-facts");
        facts.setHgap(16);
        facts.setVgap(6);
        facts.getColumnConstraints().addAll(new ColumnConstraints(), growing());
        addFact(facts, 0, messages.get("overview.folder"), "overviewFolder", viewModel.folderProperty());
        addFact(facts, 1, messages.get("overview.created"), "overviewCreated", viewModel.createdProperty());
        addFact(facts, 2, messages.get("overview.updated"), "overviewUpdated", viewModel.updatedProperty());

        TextArea description = new TextArea();
        description.setId("overviewDescription");
        description.setWrapText(true);
        description.setPrefRowCount(4);
        description.setPromptText(messages.get("overview.description.prompt"));
        description.textProperty().bindBidirectional(viewModel.descriptionProperty());

        Button save = new Button(messages.get("overview.description.save"));
        save.setId("saveDescriptionButton");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(viewModel.descriptionChangedProperty().not().or(viewModel.savingProperty()));
        save.setOnAction(event -> viewModel.saveDescription());
        Button revert = new Button(messages.get("overview.description.revert"));
        revert.setId("revertDescriptionButton");
        revert.disableProperty().bind(viewModel.descriptionChangedProperty().not());
        revert.setOnAction(event -> viewModel.revertDescription());

        Label runsHeading = sectionHeading(messages.get("overview.runs.heading"));
        ProjectRunsView runs = new ProjectRunsView(runsViewModel, screens, messages);

        VBox content = new VBox(10, title, facts,
                sectionHeading(messages.get("overview.description.heading")), description,
                new HBox(8, save, revert), runsHeading, runs);
        content.setPadding(new Insets(24, 28, 24, 28));
        VBox.setVgrow(runs, Priority.ALWAYS);
        setContent(content);
    }

    private static void addFact(GridPane grid, int row, String label, String id,
                                javafx.beans.value.ObservableValue<String> value) {
        Label name = new Label(label);
        name.getStyleClass().add("fact-label");
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(value);
        grid.addRow(row, name, text);
    }

    private static Label sectionHeading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("section-heading");
        return heading;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
