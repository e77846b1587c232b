package org.spinworkbench.lm.hf;

/**
 * A chat template that cannot be parsed, that refused a conversation through
 * {@code raise_exception}, or that renders prompts SPIN cannot use. The chat template is
 * part of a model's tokenizer files, hence the parent class.
 */
public class ChatTemplateException extends TokenizerException {
    public ChatTemplateException(String message) {
        super(message);
    }

    public ChatTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
