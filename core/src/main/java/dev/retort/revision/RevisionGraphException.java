package dev.retort.revision;

import dev.retort.RetortException;

/** The migrations do not form a valid revision graph, or a target does not name a place in it. */
public class RevisionGraphException extends RetortException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public RevisionGraphException(String message) {
        super(message);
    }
}
