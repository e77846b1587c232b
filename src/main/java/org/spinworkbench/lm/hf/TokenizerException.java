package org.spinworkbench.lm.hf;

/**
 * A model folder whose tokenizer files cannot be used: missing, corrupt, or naming tokens the
 * tokenizer does not know. The message names the folder or file and is meant for the user.
 */
public class TokenizerException extends RuntimeException {
    public TokenizerException(String message) {
        super(message);
    }

    public TokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
