package org.spinworkbench.ui.compare;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.spinworkbench.ui.common.Messages;

/** A prompt box, temperature and length, Generate, and the model's answer or why there is none. */
final class TryModelPane extends VBox {
    // Spinners bind through these adapters; the bindings are weak, so the pane keeps them.
    private final ObjectProperty<Double> temperature;
    private final ObjectProperty<Integer> maxNewTokens;

    TryModelPane(TryModelViewModel viewModel, Messages messages) {
        super(6);
        setId("tryModel");
        Label hint = new Label(messages.get("compare.try.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("compare-muted");
        hint.setMinHeight(Region.USE_PREF_SIZE);

        TextArea prompt = new TextArea();
        prompt.setId("tryPrompt");
        prompt.setPromptText(messages.get("compare.try.prompt"));
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(viewModel.promptProperty());
        prompt.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                viewModel.generate();
            }
        });

        Spinner<Double> temperatureSpinner = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0,
                TryModelViewModel.MAX_TEMPERATURE, 0, 0.1));
        temperatureSpinner.setId("tryTemperature");
        SpinnerInput.keepLastValidValue(temperatureSpinner);
        temperatureSpinner.setEditable(true);
        temperatureSpinner.setPrefWidth(90);
        temperature = viewModel.temperatureProperty().asObject();
        temperatureSpinner.getValueFactory().valueProperty().bindBidirectional(temperature);
        Spinner<Integer> tokensSpinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                TryModelViewModel.MAX_NEW_TOKENS_LIMIT, viewModel.maxNewTokensProperty().get(), 16));
        tokensSpinner.setId("tryMaxTokens");
        SpinnerInput.keepLastValidValue(tokensSpinner);
        tokensSpinner.setEditable(true);
        tokensSpinner.setPrefWidth(100);
        maxNewTokens = viewModel.maxNewTokensProperty().asObject();
        tokensSpinner.getValueFactory().valueProperty().bindBidirectional(maxNewTokens);

        Button generate = new Button(messages.get("compare.try.generate"));
        generate.setId("tryGenerate");
        generate.getStyleClass().add("accent");
        generate.disableProperty().bind(viewModel.canGenerateProperty().not());
        generate.setOnAction(event -> viewModel.generate());
        generate.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("tryProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.setId("tryStatus");
        status.getStyleClass().add("compare-muted");
        status.textProperty().bind(viewModel.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, fixed(messages.get("compare.try.temperature")), temperatureSpinner,
                fixed(messages.get("compare.try.maxTokens")), tokensSpinner, generate, progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label error = ErrorLabel.of("tryError", viewModel.errorProperty());

        CheckBox withBase = new CheckBox(messages.get("compare.try.withBase"));
        withBase.setId("tryWithBase");
        withBase.selectedProperty().bindBidirectional(viewModel.withBaseProperty());

        TextArea output = output("tryOutput", messages.get("compare.try.output"), viewModel.outputProperty());
        TextArea baseOutput = output("tryBaseOutput", messages.get("compare.try.baseOutput"),
                viewModel.baseOutputProperty());
        baseOutput.visibleProperty().bind(viewModel.withBaseProperty());
        baseOutput.managedProperty().bind(baseOutput.visibleProperty());
        HBox answers = new HBox(8, output, baseOutput); // the iteration's answer beside the base model's
        HBox.setHgrow(output, Priority.ALWAYS);
        HBox.setHgrow(baseOutput, Priority.ALWAYS);
        VBox.setVgrow(answers, Priority.ALWAYS);

        getChildren().addAll(hint, prompt, controls, withBase, status, error, answers);
    }

    private static TextArea output(String id, String placeholder, ReadOnlyStringProperty text) {
        TextArea output = new TextArea();
        output.setId(id);
        output.setEditable(false);
        output.setWrapText(true);
        output.setPromptText(placeholder);
        output.setPrefWidth(200);
        output.textProperty().bind(text);
        return output;
    }

    /** A label that keeps its whole text when space is short. */
    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
