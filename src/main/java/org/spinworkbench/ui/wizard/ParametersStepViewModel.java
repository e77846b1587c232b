package org.spinworkbench.ui.wizard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.spinworkbench.train.PromptFormat;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.Messages;

/**
 * Step 3, the hyper-parameters: every setting of the {@code spin} command, starting from its
 * defaults, checked as it is typed. The first problem is named with its field and blocks Next.
 */
public final class ParametersStepViewModel {
    private final ParameterForm form = new ParameterForm();
    private final ParameterTexts texts;
    private final Supplier<ParameterForm.Limits> limits;

    private final Map<Parameter, StringProperty> fields = new EnumMap<>(Parameter.class);
    private final ObjectProperty<SpinLossKind> loss = new SimpleObjectProperty<>(form.loss());
    private final ObjectProperty<TrainingConfig.Schedule> schedule = new SimpleObjectProperty<>(form.schedule());
    private final BooleanProperty mixPrevious = new SimpleBooleanProperty(form.mixPrevious());
    private final BooleanProperty useDataGenerated = new SimpleBooleanProperty(form.useDataGenerated());
    private final StringProperty loraTargets = new SimpleStringProperty(form.loraTargets());
    private final BooleanProperty gradientCheckpointing = new SimpleBooleanProperty(form.gradientCheckpointing());
    private final Messages messages;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** While settings are loaded field by field, each field's change does not re-check the rest. */
    private boolean loading;
    private final ReadOnlyObjectWrapper<Parameter> errorField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dataCarriesGenerated = new ReadOnlyBooleanWrapper(true);

    /** {@code limits} says what the chosen model and data allow, asked at each check. */
    public ParametersStepViewModel(Messages messages, Supplier<ParameterForm.Limits> limits) {
        this.messages = messages;
        this.texts = new ParameterTexts(messages);
        this.limits = limits;
        for (Parameter parameter : Parameter.values()) {
            StringProperty field = new SimpleStringProperty(form.text(parameter));
            field.addListener((observable, before, now) -> {
                form.setText(parameter, now);
                if (!loading) {
                    notice.set("");
                    validate();
                }
            });
            fields.put(parameter, field);
        }
        loss.addListener((observable, before, now) -> {
            form.setLoss(now);
            validate();
        });
        schedule.addListener((observable, before, now) -> {
            form.setSchedule(now);
            validate();
        });
        mixPrevious.addListener((observable, before, now) -> {
            form.setMixPrevious(now);
            validate();
        });
        useDataGenerated.addListener((observable, before, now) -> {
            form.setUseDataGenerated(now);
            validate();
        });
        gradientCheckpointing.addListener((observable, before, now) -> {
            form.setGradientCheckpointing(now);
            validate();
        });
        loraTargets.addListener((observable, before, now) -> {
            form.setLoraTargets(now);
            if (!loading) {
                validate();
            }
        });
        validate();
    }

    // Properties

    public StringProperty field(Parameter parameter) {
        return fields.get(parameter);
    }

    public ObjectProperty<SpinLossKind> lossProperty() {
        return loss;
    }

    public ObjectProperty<TrainingConfig.Schedule> scheduleProperty() {
        return schedule;
    }

    public BooleanProperty mixPreviousProperty() {
        return mixPrevious;
    }

    public BooleanProperty useDataGeneratedProperty() {
        return useDataGenerated;
    }

    public BooleanProperty gradientCheckpointingProperty() {
        return gradientCheckpointing;
    }

    /** The projections LoRA adapts, comma-separated; used when the LoRA rank is above 0. */
    public StringProperty loraTargetsProperty() {
        return loraTargets;
    }

    /** The first problem, naming its field; empty when the settings can start a run. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A value that is allowed but almost surely a slip (temperature 16); empty when none. Never blocks Next. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** What the wizard changed by itself (lengths fitted to the model, the demo's recipe loaded); empty when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether the chosen data has a synthetic response on every row for iteration 1 to use. */
    public ReadOnlyBooleanProperty dataCarriesGeneratedProperty() {
        return dataCarriesGenerated.getReadOnlyProperty();
    }

    /** The field the problem is in, for the view to mark; null when none is. */
    public ReadOnlyObjectProperty<Parameter> errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public String label(Parameter parameter) {
        return texts.label(parameter);
    }

    public String help(Parameter parameter) {
        return texts.help(parameter);
    }

    // Commands

    /** Takes every setting of {@code config} (the previous run's, the demo's recipe), then fits it to the model. */
    public void load(TrainingConfig config, String why) {
        notice.set("");
        ParameterForm loaded = new ParameterForm();
        loaded.load(config);
        show(loaded);
        fitToModel();
        if (notice.get().isEmpty()) {
            notice.set(why);
        }
    }

    /** Takes the demo's recipe: the settings of the workshop demo, made for the bundled model and tasks. */
    public void loadDemoRecipe(TrainingConfig recipe) {
        load(recipe, messages.get("wizard.params.demoRecipe"));
    }

    /**
     * Shortens lengths the chosen model's context cannot hold (a 1024-token default on a
     * 256-token model), saying so; settings that fit are kept as they are.
     */
    public void fitToModel() {
        int context = limits.get().contextLength();
        ParameterForm fitted = new ParameterForm();
        for (Parameter parameter : Parameter.values()) {
            fitted.setText(parameter, fields.get(parameter).get());
        }
        if (fitted.fit(context)) {
            show(fitted);
            notice.set(messages.get("wizard.params.fitted", context));
        }
        validate();
    }

    private void show(ParameterForm values) {
        loading = true;
        try {
            for (Parameter parameter : Parameter.values()) {
                fields.get(parameter).set(values.text(parameter));
            }
            loss.set(values.loss());
            schedule.set(values.schedule());
            mixPrevious.set(values.mixPrevious());
            useDataGenerated.set(values.useDataGenerated());
            loraTargets.set(values.loraTargets());
            gradientCheckpointing.set(values.gradientCheckpointing());
        } finally {
            loading = false;
        }
        validate();
    }

    /** Checks again; the model or data may have changed what is allowed. */
    public void validate() {
        ParameterForm.Limits now = limits.get();
        dataCarriesGenerated.set(now.dataCarriesGenerated());
        List<ParameterProblem> problems = form.problems(now); // all at once, not one per fix
        warning.set(problems.isEmpty() ? form.warning().map(texts::problem).orElse("") : "");
        error.set(problems.stream().map(texts::problem).collect(Collectors.joining("\n")));
        errorField.set(problems.isEmpty() ? null : problems.get(0).field());
        valid.set(problems.isEmpty());
    }

    /** The settings; only when {@link #validProperty()} holds. */
    public TrainingConfig config(boolean raw, PromptFormat format) {
        return form.config(limits.get(), raw, format);
    }
}
