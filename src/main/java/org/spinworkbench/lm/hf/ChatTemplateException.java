package org.spinworkbench.lm.hf;

/**
 * A chat template that cannot be parsed, that refused a conversation through
 * {@code raise_exception}, or that renders prompts SPIN cannot use. The chat template is
 * part of a model's tokenizer files, hence the parent class.
 */
public class ChatTemplateException extends TokenizerException {
    private final String reason;

    public ChatTemplateException(String message) {
        this(message, message, null);
    }

    public ChatTemplateException(String message, Throwable cause) {
        this(message, message, cause);
    }

    /** @param reason the template's own words (what it passed to {@code raise_exception}) */
    public ChatTemplateException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What the template itself said when it refused; otherwise the whole message. */
    public String reason() {
        return reason;
    }
}
