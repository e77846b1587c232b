package org.spinworkbench.lm.hf;

/** A prompt and a response to it, as text. */
public record PromptResponse(String prompt, String response) {
}
