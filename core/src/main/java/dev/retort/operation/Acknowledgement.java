package dev.retort.operation;

/**
 * A lint finding a migration accepts deliberately, written beside the operation it concerns:
 * {@code op.setNotNull("author", "email").acknowledge("set-not-null", "author holds 200 rows")}.
 *
 * @param operation the position of the operation accepted, in the list it was recorded in
 * @param rule      the lint rule's id
 * @param reason    why it is accepted, for the reviewer
 */
public record Acknowledgement(int operation, String rule, String reason) {
}
