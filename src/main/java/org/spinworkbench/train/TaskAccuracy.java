package org.spinworkbench.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spinworkbench.data.tasks.Accuracy;
import org.spinworkbench.data.tasks.AnswerChecker;
import org.spinworkbench.data.tasks.CheckedExample;
import org.spinworkbench.data.tasks.ModelAnswer;
import org.spinworkbench.lm.SamplingOptions;
import org.spinworkbench.lm.hf.Completion;
import org.spinworkbench.lm.hf.PretrainedModel;
import org.spinworkbench.lm.hf.TextGenerator;

/** How many questions of a checkable dataset a model answers right, greedily, through its chat template. */
public final class TaskAccuracy {
    public static final int MAX_ANSWER_TOKENS = 24;

    private TaskAccuracy() {
    }

    public static Accuracy measure(PretrainedModel model, List<CheckedExample> questions, boolean raw, int batchSize) {
        List<String> prompts = questions.stream().map(CheckedExample::prompt).toList();
        List<Completion> answers = new TextGenerator(model).generate(prompts, raw,
                SamplingOptions.greedy(MAX_ANSWER_TOKENS), batchSize, done -> { });
        List<ModelAnswer> checked = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            checked.add(questions.get(i).answeredWith(answers.get(i).text()));
        }
        return AnswerChecker.score(checked);
    }

    /** {@code eval_accuracy} and {@code eval_accuracy/<task>}, as fractions. */
    public static Map<String, Double> metrics(Accuracy accuracy) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("eval_accuracy", accuracy.overall().rate());
        accuracy.byTask().forEach((task, count) -> metrics.put("eval_accuracy/" + task, count.rate()));
        return metrics;
    }
}
