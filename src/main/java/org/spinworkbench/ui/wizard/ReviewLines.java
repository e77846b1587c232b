package org.spinworkbench.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import org.spinworkbench.runs.RunSpec;
import org.spinworkbench.train.SpinLossKind;
import org.spinworkbench.train.TrainingConfig;
import org.spinworkbench.ui.common.Messages;

/** Everything a run will be started with, as the review page lists it. */
final class ReviewLines {
    private final Messages messages;
    private final ParameterTexts texts;

    ReviewLines(Messages messages) {
        this.messages = messages;
        this.texts = new ParameterTexts(messages);
    }

    List<ReviewLine> of(RunSpec spec, ModelSummary model, DatasetCheck data, String splitText, int trainingExamples) {
        TrainingConfig training = spec.training();
        List<ReviewLine> lines = new ArrayList<>();
        lines.add(new ReviewLine(messages.get("wizard.review.project"), spec.project()));
        lines.add(new ReviewLine(messages.get("wizard.review.model"), messages.get("wizard.review.modelValue",
                spec.baseModel(), model.architecture(), model.parameterCount() / 1e6)));
        lines.add(new ReviewLine(messages.get("wizard.review.template"), training.raw()
                ? messages.get("wizard.review.templateRaw")
                : model.defaultTemplate() ? messages.get("wizard.model.templateDefault")
                : messages.get("wizard.model.templateOwn")));
        lines.add(new ReviewLine(messages.get("wizard.review.dataset"), messages.get("wizard.review.datasetValue",
                spec.dataset(), data.train().format().label(), data.train().examples().size())));
        lines.add(new ReviewLine(messages.get("wizard.review.badRows"),
                spec.skipBadRows() ? messages.get("wizard.review.badRowsSkip", data.problems().size())
                        : messages.get("wizard.review.badRowsStop")));
        String evaluation = spec.evalDataset() != null ? messages.get("wizard.review.evalFile", spec.evalDataset())
                : spec.evalSize() > 0 ? messages.get("wizard.review.evalSize", spec.evalSize())
                : messages.get("wizard.review.evalFraction", spec.evalFraction());
        lines.add(new ReviewLine(messages.get("wizard.review.evaluation"), evaluation + " — " + splitText));
        lines.add(new ReviewLine(messages.get("wizard.review.accuracy"), spec.accuracyData() == null
                ? messages.get("wizard.review.accuracyNone")
                : messages.get("wizard.review.accuracyFile", spec.accuracyData(), data.accuracyQuestions())));
        lines.add(new ReviewLine(messages.get("wizard.review.steps"), messages.get("wizard.review.stepsValue",
                training.optimiserSteps(trainingExamples), trainingExamples,
                training.batchSize() * training.gradientAccumulation())));
        for (Parameter parameter : Parameter.values()) {
            lines.add(new ReviewLine(texts.label(parameter), parameter.text(training)));
        }
        training.loraSettings().ifPresent(lora -> lines.add(new ReviewLine(messages.get("wizard.param.loraTargets"),
                String.join(", ", lora.targets()))));
        lines.add(new ReviewLine(messages.get("wizard.param.loss"), training.loss() == SpinLossKind.SIGMOID
                ? messages.get("wizard.loss.sigmoid") : messages.get("wizard.loss.hinge")));
        lines.add(new ReviewLine(messages.get("wizard.param.schedule"), schedule(training.schedule())));
        lines.add(new ReviewLine(messages.get("wizard.param.mixPrevious"), yesNo(training.mixPrevious())));
        lines.add(new ReviewLine(messages.get("wizard.param.useDataGenerated"), yesNo(training.useDataGenerated())));
        lines.add(new ReviewLine(messages.get("wizard.param.gradientCheckpointing"),
                yesNo(training.gradientCheckpointing())));
        return lines;
    }

    String schedule(TrainingConfig.Schedule schedule) {
        return switch (schedule) {
            case LINEAR -> messages.get("wizard.schedule.linear");
            case COSINE -> messages.get("wizard.schedule.cosine");
            case CONSTANT -> messages.get("wizard.schedule.constant");
        };
    }

    private String yesNo(boolean value) {
        return value ? messages.get("wizard.review.yes") : messages.get("wizard.review.no");
    }
}
