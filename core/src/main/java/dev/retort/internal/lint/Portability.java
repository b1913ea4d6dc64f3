package dev.retort.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.retort.operation.Column;
import dev.retort.operation.DataType;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;

/**
 * Whether the other databases one history serves ({@code platforms}) can run an operation: a platform that cannot
 * render it says why. {@code generate} asks it of each change it writes, the linter of each operation it judges.
 */
public final class Portability {

    private final Platform platform;
    private final List<Platform> others;

    /**
     * @param platform the database the operations were found on
     * @param others   the other databases the history serves; none when it serves one
     */
    public Portability(Platform platform, List<Platform> others) {
        this.platform = platform;
        this.others = List.copyOf(others);
    }

    /** Whether the history serves other databases at all. */
    public boolean serves() {
        return !others.isEmpty();
    }

    /**
     * Why one of the other databases cannot take the operation as written, one sentence per database; empty when
     * all can. Besides what a platform refuses to render, a type the finding platform parsed as raw SQL is its own:
     * the others would be handed it as written.
     */
    public List<String> problems(Operation operation) {
        List<String> problems = new ArrayList<>();
        for (Platform other : others) {
            String refused = unrenderable(other, operation);
            if (refused != null) {
                problems.add(other.name() + " cannot run it: " + (refused.endsWith(".") ? refused.substring(0, refused.length() - 1) : refused));
            }
        }
        List<String> raw = rawTypes(operation);
        if (!raw.isEmpty() && !others.isEmpty() && problems.isEmpty()) {
            problems.add(String.join(", ", raw) + " is " + platform.name() + "'s own type, which "
                    + String.join(" and ", others.stream().map(Platform::name).toList()) + " would be given as written");
        }
        return problems;
    }

    /** Why the platform cannot render the operation, or null when it can (or when only running it can tell). */
    static String unrenderable(Platform platform, Operation operation) {
        if (operation instanceof Operation.RunJdbc) {
            return null;
        }
        try {
            platform.dialect().render(operation);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The raw SQL types the operation gives its columns, as written. */
    private static List<String> rawTypes(Operation operation) {
        Stream<DataType> types = Stream.empty();
        if (operation instanceof Operation.CreateTable t) {
            types = t.columns().stream().map(Column::type);
        } else if (operation instanceof Operation.AddColumn a) {
            types = Stream.of(a.column().type());
        } else if (operation instanceof Operation.AlterColumnType a) {
            types = Stream.of(a.type());
        }
        return types.map(Portability::raw).filter(sql -> sql != null).distinct().toList();
    }

    private static String raw(DataType type) {
        if (type instanceof DataType.Raw r) {
            return r.sql();
        }
        return type instanceof DataType.ArrayOf a && raw(a.element()) != null ? raw(a.element()) + "[]" : null;
    }
}
