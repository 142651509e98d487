package dev.llmbench.harness.workload.tokenizer;

/**
 * A tokenizer could not be made: unknown spec, unreadable or malformed file, or a component that is not supported.
 * The message says what was tried and what is accepted.
 */
public class TokenizerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TokenizerException(String message) {
        super(message);
    }

    public TokenizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
