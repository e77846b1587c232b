package org.spinworkbench.ui.compare;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.spinworkbench.ui.common.Messages;

/** The selected sample's log-probs, rewards, margin and token counts: real in one column, synthetic in the next. */
final class SampleNumbersGrid extends GridPane {
    private final Label policyReal = value("numberPolicyReal");
    private final Label policySynthetic = value("numberPolicySynthetic");
    private final Label referenceReal = value("numberReferenceReal");
    private final Label referenceSynthetic = value("numberReferenceSynthetic");
    private final Label rewardReal = value("numberRewardReal");
    private final Label rewardSynthetic = value("numberRewardSynthetic");
    private final Label realTokens = value("numberRealTokens");
    private final Label syntheticTokens = value("numberSyntheticTokens");
    private final Label margin = value("numberMargin");

    SampleNumbersGrid(PromptDetailsViewModel details, Messages messages) {
        setId("compareNumbers");
        getStyleClass().add("compare-numbers");
        setHgap(18);
        setVgap(4);
        add(heading(messages.get("compare.numbers.real")), 1, 0);
        add(heading(messages.get("compare.numbers.synthetic")), 2, 0);
        addRow(1, name(messages.get("compare.numbers.policy"), messages.get("compare.numbers.policy.hint")),
                policyReal, policySynthetic);
        addRow(2, name(messages.get("compare.numbers.reference"), messages.get("compare.numbers.reference.hint")),
                referenceReal, referenceSynthetic);
        addRow(3, name(messages.get("compare.numbers.reward"), messages.get("compare.numbers.reward.hint")),
                rewardReal, rewardSynthetic);
        addRow(4, name(messages.get("compare.numbers.tokens"), messages.get("compare.numbers.tokens.hint")),
                realTokens, syntheticTokens);
        add(name(messages.get("compare.numbers.margin"), messages.get("compare.numbers.margin.hint")), 0, 5);
        add(margin, 1, 5, 2, 1);
        details.numbersProperty().addListener((observable, before, now) -> show(now, details.rowProperty().get()));
        show(details.numbersProperty().get(), details.rowProperty().get());
    }

    private void show(SampleNumbers numbers, PromptRow row) {
        SampleNumbers shown = numbers != null ? numbers : SampleNumbers.NONE;
        policyReal.setText(shown.policyReal());
        policySynthetic.setText(shown.policySynthetic());
        referenceReal.setText(shown.referenceReal());
        referenceSynthetic.setText(shown.referenceSynthetic());
        rewardReal.setText(shown.rewardReal());
        rewardSynthetic.setText(shown.rewardSynthetic());
        realTokens.setText(shown.realTokens());
        syntheticTokens.setText(shown.syntheticTokens());
        margin.setText(shown.margin());
        margin.getStyleClass().remove("compare-margin-negative");
        if (row != null && row.margin() != null && row.margin() < 0) {
            margin.getStyleClass().add("compare-margin-negative");
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-numbers-heading");
        return label;
    }

    private static Label name(String text, String hint) {
        Label label = new Label(text);
        label.setTooltip(new Tooltip(hint));
        label.getStyleClass().add("compare-numbers-name");
        return label;
    }

    private static Label value(String id) {
        Label label = new Label(SampleNumbers.ABSENT);
        label.setId(id);
        label.getStyleClass().add("compare-number");
        return label;
    }
}
