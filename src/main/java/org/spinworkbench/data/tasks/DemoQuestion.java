package org.spinworkbench.data.tasks;

import java.util.Objects;

/** One generated question and its checkable answer; the answer is also the row's response. */
public record DemoQuestion(DemoTask task, String prompt, String answer) {
    public DemoQuestion {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
    }
}
