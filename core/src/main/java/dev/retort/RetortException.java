package dev.retort;

/** A failure Retort explains in its message: what went wrong and what to do about it. */
public class RetortException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is a complete sentence for the user. */
    public RetortException(String message) {
        super(message);
    }

    /** Creates an exception with the underlying cause kept for diagnostics. */
    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
