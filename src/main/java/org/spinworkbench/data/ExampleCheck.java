package org.spinworkbench.data;

/**
 * A check on each example beyond its file format, such as "the model's chat template accepts
 * this conversation". A refusal is a row problem like any other: named by line, skipped under
 * {@link ProblemPolicy#SKIP}, stopping the read under {@link ProblemPolicy#STOP}.
 */
@FunctionalInterface
public interface ExampleCheck {
    /** Accepts every example. */
    ExampleCheck NONE = example -> null;

    /** Null when the example is usable, else why not, phrased to follow "line N: ". */
    String problem(Example example);

    /** This check, then {@code next} on the examples this one accepts. */
    default ExampleCheck then(ExampleCheck next) {
        return example -> {
            String problem = problem(example);
            return problem != null ? problem : next.problem(example);
        };
    }
}
