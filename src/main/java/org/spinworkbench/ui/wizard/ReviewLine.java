package org.spinworkbench.ui.wizard;

/** One choice of the wizard, in words, for the review page. */
public record ReviewLine(String label, String value) {
}
