package org.spinworkbench.lm;

/**
 * A well-formed model the engine cannot run (another architecture, activation or RoPE
 * scaling), with a message meant for the user that says what is supported instead.
 */
public class UnsupportedModelException extends RuntimeException {
    public UnsupportedModelException(String message) {
        super(message);
    }

    public UnsupportedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
