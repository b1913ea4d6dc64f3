package dev.retort.internal.diff;

import java.util.Objects;

import dev.retort.operation.Column;
import dev.retort.operation.Operation;
import dev.retort.operation.Prior;
import dev.retort.schema.DiffPhase;
import dev.retort.schema.ObjectComparator;
import dev.retort.schema.SchemaDiff;
import dev.retort.schema.Table;
import dev.retort.schema.TablePair;

/**
 * Comments on tables and columns of tables both models hold (a new table or column brings its own). An empty comment
 * is no comment: databases store none for it.
 */
final class CommentComparator implements ObjectComparator {

    @Override
    public void compare(SchemaDiff diff) {
        for (TablePair pair : diff.pairs()) {
            Table wanted = pair.wanted();
            Table existing = diff.afterRenames(pair.existing());
            if (!same(wanted.comment(), existing.comment())) {
                diff.add(DiffPhase.COLUMNS, "comment on table " + wanted.qualifiedName(), new Operation.SetTableComment(wanted.schema(),
                        wanted.name(), wanted.comment(), Prior.of(existing.comment())), null);
            }
            for (Column column : wanted.columns()) {
                existing.column(column.name()).filter(old -> !same(column.comment(), old.comment())).ifPresent(old ->
                        diff.add(DiffPhase.COLUMNS, "comment on column " + wanted.qualifiedName() + "." + column.name(),
                                new Operation.SetColumnComment(wanted.schema(), wanted.name(), column.name(), column.comment(),
                                        Prior.of(old.comment())), null));
            }
        }
    }

    private static boolean same(String wanted, String existing) {
        return Objects.equals(none(wanted), none(existing));
    }

    private static String none(String comment) {
        return comment == null || comment.isEmpty() ? null : comment;
    }
}
