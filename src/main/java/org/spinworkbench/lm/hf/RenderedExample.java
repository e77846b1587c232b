package org.spinworkbench.lm.hf;

/**
 * A training example rendered through the chat template and cut where the response starts:
 * {@code prompt + response} is exactly the rendered conversation. {@code prompt} ends with
 * the generation prompt (what the model is given when asked to answer); {@code response}
 * is the assistant's turn as the template writes it, end-of-turn marker included, so the
 * log-probabilities SPIN compares also reward stopping at the right place.
 */
public record RenderedExample(String prompt, String response) {
    public String conversation() {
        return prompt + response;
    }
}
