package org.spinworkbench.train;

import java.util.Arrays;

/**
 * Fits a prompt and its responses into {@code maxLength} tokens as the SPIN reference code
 * (and TRL's DPO trainer) does: when prompt + the longer response is too long, keep the
 * last {@code maxPromptLength} prompt tokens; if that is still too long, cut each response
 * to {@code maxLength - maxPromptLength} tokens.
 */
public record Truncation(int maxLength, int maxPromptLength) {
    public Truncation {
        if (maxPromptLength < 1 || maxLength <= maxPromptLength) {
            throw new IllegalArgumentException("need 0 < max prompt length (" + maxPromptLength
                    + ") < max length (" + maxLength + ")");
        }
    }

    /**
     * The prompt as {@link #apply} keeps it beside a response of {@code responseLength} tokens:
     * whole when both fit, else its last {@code maxPromptLength} tokens. Generation starts from
     * the prompt kept beside a response of the most new tokens, so a synthetic response is
     * conditioned on no more than training will show the model.
     */
    public int[] keptPrompt(int[] prompt, int responseLength) {
        if (prompt.length + responseLength > maxLength && prompt.length > maxPromptLength) {
            return Arrays.copyOfRange(prompt, prompt.length - maxPromptLength, prompt.length);
        }
        return prompt;
    }

    /** The truncated prompt followed by each truncated response. */
    public int[][] apply(int[] prompt, int[]... responses) {
        int longest = Arrays.stream(responses).mapToInt(r -> r.length).max().orElse(0);
        int[] keptPrompt = keptPrompt(prompt, longest);
        int[][] result = new int[responses.length + 1][];
        result[0] = keptPrompt;
        boolean cutResponses = keptPrompt.length + longest > maxLength;
        for (int i = 0; i < responses.length; i++) {
            int[] response = responses[i];
            result[i + 1] = cutResponses && response.length > maxLength - maxPromptLength
                    ? Arrays.copyOf(response, maxLength - maxPromptLength) : response;
        }
        return result;
    }
}
