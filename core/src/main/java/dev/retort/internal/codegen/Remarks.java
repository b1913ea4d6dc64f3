package dev.retort.internal.codegen;

import java.util.List;

import com.palantir.javapoet.MethodSpec;

import dev.retort.command.Direction;
import dev.retort.lint.Finding;

/**
 * What a generated revision says beside its operations: the lint findings on each (with the safe alternative and how
 * to accept it), and what a person must still add.
 *
 * @param findings         the findings of the revision's operations
 * @param notes            what to add by hand, written at the top of the upgrade
 * @param nonTransactional whether the revision must run outside a transaction whatever its operations
 */
public record Remarks(List<Finding> findings, List<String> notes, boolean nonTransactional) {

    /** Nothing to say. */
    public static final Remarks NONE = new Remarks(List.of(), List.of(), false);

    public Remarks {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Writes the findings on one operation as comments, before its statement. */
    void comment(MethodSpec.Builder method, Direction direction, int operation) {
        for (Finding f : findings) {
            if (f.direction() == direction && f.operationIndex() == operation) {
                method.addComment("LINT $L ($L): $L", f.rule(), f.severity().label(), f.problem());
                method.addComment("  Safe: $L To accept it, write op.acknowledge($S, \"<why>\"); after it.", f.safeAlternative(), f.rule());
            }
        }
    }
}
