package org.spinworkbench.data.tasks;

import java.util.Objects;

/** What a model answered to a question of {@code task} whose answer is {@code expectedAnswer}. */
public record ModelAnswer(String task, String expectedAnswer, String output) {
    public ModelAnswer {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(expectedAnswer, "expectedAnswer");
        Objects.requireNonNull(output, "output");
    }
}
