package org.spinworkbench.ui.comparison;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The metrics in the order a user compares runs by: the SPIN objective and its rewards
 * first, then their held-out versions and task accuracy, then the optimiser's bookkeeping;
 * anything else after, by name.
 */
final class MetricOrder {
    static final List<String> PREFERRED = List.of("loss", "rewards/margins", "rewards/accuracies", "rewards/real",
            "rewards/generated", "logps/real", "logps/generated", "eval_loss", "eval_rewards/margins",
            "eval_rewards/accuracies", "eval_rewards/real", "eval_rewards/generated", "eval_logps/real",
            "eval_logps/generated", "eval_accuracy", "eval_perplexity");
    private static final List<String> LAST = List.of("learning_rate", "grad_norm", "epoch");

    private MetricOrder() {
    }

    static List<String> ordered(Collection<String> names) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        sorted.sort(Comparator.comparingInt(MetricOrder::rank));
        return sorted;
    }

    private static int rank(String name) {
        int preferred = PREFERRED.indexOf(name);
        if (preferred >= 0) {
            return preferred;
        }
        int last = LAST.indexOf(name);
        if (last >= 0) {
            return PREFERRED.size() + 2 + last;
        }
        // eval_accuracy/add and the like sit after the headline metrics, before the bookkeeping
        return PREFERRED.size() + (name.startsWith("eval_") ? 0 : 1);
    }
}
