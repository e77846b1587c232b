package org.spinworkbench.ui.wizard;

/**
 * One example as training will see it: the prompt and the real response rendered through the
 * chat template, or {@code problem} when the template refuses the example.
 */
public record PreviewRow(int row, String text, String problem) {
}
