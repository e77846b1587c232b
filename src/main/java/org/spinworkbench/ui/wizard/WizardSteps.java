package org.spinworkbench.ui.wizard;

/** The three steps a person fills in before the review: model, data and settings. */
public record WizardSteps(ModelStepViewModel model, DatasetStepViewModel data, ParametersStepViewModel parameters) {
}
