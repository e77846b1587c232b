package org.spinworkbench.ui.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spinworkbench.data.tasks.DemoTask;
import org.spinworkbench.runs.DemoRecipe;

/**
 * One model's held-out scores: the base model (iteration 0), the model a SPIN iteration made,
 * or the control's (continued SFT, its one iteration). Missing values are null: the base model
 * has accuracy but no SPIN loss or margin.
 */
public record DemoResult(DemoRecipe.Arm arm, int iteration, Double accuracy, Map<String, Double> taskAccuracy,
                         Double evalLoss, Double margin) {
    /** The demo's tasks, in the order the table shows them (ids of {@code DemoTask}). */
    public static final List<String> TASKS = DemoTask.idList();

    public static DemoResult of(DemoRecipe.Arm arm, int iteration, Map<String, Double> metrics) {
        Map<String, Double> byTask = new LinkedHashMap<>();
        for (String task : TASKS) {
            Double value = metrics.get("eval_accuracy/" + task);
            if (value != null) {
                byTask.put(task, value);
            }
        }
        return new DemoResult(iteration == 0 ? DemoRecipe.Arm.SPIN : arm, iteration, metrics.get("eval_accuracy"), Map.copyOf(byTask), metrics.get("eval_loss"),
                metrics.get("eval_rewards/margins"));
    }

    public boolean isBaseModel() {
        return iteration == 0;
    }

    public boolean isControl() {
        return arm == DemoRecipe.Arm.CONTROL;
    }

    /** Base model first, then SPIN's iterations in order, then the control. */
    int order() {
        return isControl() ? Integer.MAX_VALUE : iteration;
    }

    /** A share as a whole percentage ("41 %"), or an en dash when there is none. */
    public static String percent(Double share, Locale locale) {
        return share == null || share.isNaN() ? "–" : String.format(locale, "%.0f %%", 100 * share);
    }

    /** A loss or a reward margin to three decimals, or an en dash. */
    public static String number(Double value, Locale locale) {
        return value == null || value.isNaN() ? "–" : String.format(locale, "%.3f", value);
    }
}
