package dev.retort.internal.codegen;

import java.util.List;
import java.util.Set;

import com.palantir.javapoet.CodeBlock;

import dev.retort.command.Direction;
import dev.retort.lint.Finding;

/**
 * What a generated revision says beside its operations: the lint findings on each (with the safe alternative and how
 * to accept it), and what a person must still add.
 *
 * @param findings         the findings of the revision's operations
 * @param notes            what to add by hand, written at the top of the upgrade
 * @param nonTransactional whether the revision must run outside a transaction whatever its operations
 * @param onlyHere         where the history serves several databases, the changes (by their index in the comparison)
 *                         another of them cannot run: written for the generating database alone, inside
 *                         {@code op.onlyOn(…)}
 */
public record Remarks(List<Finding> findings, List<String> notes, boolean nonTransactional, Set<Integer> onlyHere) {

    /** Nothing to say. */
    public static final Remarks NONE = new Remarks(List.of(), List.of(), false, Set.of());

    public Remarks {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        onlyHere = Set.copyOf(onlyHere);
    }

    /** The findings on one operation as comment lines, to write before its statement. */
    CodeBlock comments(Direction direction, int operation) {
        CodeBlock.Builder comments = CodeBlock.builder();
        for (Finding f : findings) {
            if (f.direction() == direction && f.operationIndex() == operation) {
                comments.add("// LINT $L ($L): $L\n", f.rule(), f.severity().label(), f.problem());
                comments.add("//   Safe: $L To accept it, write op.acknowledge($S, \"<why>\"); after it.\n", f.safeAlternative(), f.rule());
            }
        }
        return comments.build();
    }

    /** {@code op.acknowledge(rule, reason);} for each finding on one operation, to write after its statement. */
    CodeBlock acknowledgements(Direction direction, int operation, String reason) {
        CodeBlock.Builder lines = CodeBlock.builder();
        for (Finding f : findings) {
            if (f.direction() == direction && f.operationIndex() == operation) {
                lines.addStatement("op.acknowledge($S, $S)", f.rule(), reason);
            }
        }
        return lines.build();
    }
}
