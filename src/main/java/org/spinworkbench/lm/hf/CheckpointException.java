package org.spinworkbench.lm.hf;

/**
 * A checkpoint that cannot be read, with a message meant for the user: it names the file
 * and, where one is to blame, the tensor.
 */
public class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
