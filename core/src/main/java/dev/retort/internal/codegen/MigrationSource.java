package dev.retort.internal.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import dev.retort.Migration;
import dev.retort.Revision;
import dev.retort.command.Direction;
import dev.retort.operation.Operation;
import dev.retort.operation.Operations;
import dev.retort.operation.Types;
import dev.retort.platform.Platform;
import dev.retort.schema.Change;
import dev.retort.schema.Comparison;
import dev.retort.schema.Review;

/**
 * A new migration written as Java source: one class per revision, {@code upgrade} and
 * {@code downgrade} as a person would write them, review notes as comments above what they concern.
 *
 * @param packageName the migrations package
 * @param className   the class name, {@code M<id>_<Message>}
 * @param revision    the new revision id
 * @param source      the file's text
 */
public record MigrationSource(String packageName, String className, String revision, String source) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Changes per part of a large migration: far below the JVM's limits whatever one change holds. */
    static final int PART_SIZE = 100;

    /** A fresh revision id: 12 hex digits, as Alembic makes them. */
    public static String newRevisionId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Writes a revision.
     *
     * @param platform    which operations must run outside a transaction, and the default schema
     * @param packageName the migrations package
     * @param revision    its id
     * @param parents     its parents (the current heads)
     * @param message     its message
     * @param comparison  the changes; empty for a migration to fill in by hand
     */
    public static MigrationSource write(Platform platform, String packageName, String revision, List<String> parents, String message,
                                        Comparison comparison) {
        return write(platform, packageName, revision, parents, message, comparison, Remarks.NONE);
    }

    /** Writes a revision with the lint findings of its operations as comments above them. */
    public static MigrationSource write(Platform platform, String packageName, String revision, List<String> parents, String message,
                                        Comparison comparison, Remarks remarks) {
        return write(platform, packageName, revision, parents, message, comparison, remarks, Revision.Phase.ORDINARY, "");
    }

    /** Writes a revision marked as one half of an expand/contract change ({@code expand}: a contract's expand, else empty). */
    public static MigrationSource write(Platform platform, String packageName, String revision, List<String> parents, String message,
                                        Comparison comparison, Remarks remarks, Revision.Phase phase, String expand) {
        String className = className(revision, message);
        boolean transactional = !remarks.nonTransactional()
                && comparison.upgrade().stream().noneMatch(platform.dialect()::requiresNoTransaction)
                && comparison.downgrade().stream().noneMatch(platform.dialect()::requiresNoTransaction);
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(Revision.class).addMember("id", "$S", revision);
        if (parents.size() == 1) {
            annotation.addMember("parents", "$S", parents.get(0));
        } else if (!parents.isEmpty()) {
            annotation.addMember("parents", "{$L}", String.join(", ", parents.stream().map(p -> CodeBlock.of("$S", p).toString()).toList()));
        }
        annotation.addMember("message", "$S", message).addMember("created", "$S", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (!transactional) {
            annotation.addMember("transactional", "false");
        }
        if (phase != Revision.Phase.ORDINARY) {
            annotation.addMember("phase", "$T.$L", Revision.Phase.class, phase.name());
        }
        if (!expand.isEmpty()) {
            annotation.addMember("expand", "$S", expand);
        }

        OperationWriter writer = new OperationWriter(platform.defaultSchema());
        List<Change> changes = comparison.changes();
        List<CodeBlock> upgradeLines = new ArrayList<>();
        List<CodeBlock> downgradeLines = new ArrayList<>();
        int up = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            CodeBlock.Builder line = CodeBlock.builder();
            if (change.review() != null) {
                line.add("// REVIEW ($L): $L\n", change.review().kind().label(), change.review().message());
            }
            List<CodeBlock> comments = new ArrayList<>();
            List<CodeBlock> after = new ArrayList<>();
            for (int n = 0; n < change.upgrade().size(); n++) {
                Operation operation = change.upgrade().get(n);
                after.add(phase == Revision.Phase.CONTRACT && (operation instanceof Operation.DropColumn || operation instanceof Operation.DropTable
                        || operation instanceof Operation.RenameColumn)
                        ? remarks.acknowledgements(Direction.UP, up, "the contract of an expand/contract change: release applies it only in a "
                        + "later deploy than its expand, once no instance built before the expand runs") : CodeBlock.of(""));
                comments.add(remarks.comments(Direction.UP, up++));
            }
            line.add(statements(writer, change.upgrade(), comments, after, remarks.onlyHere().contains(i) ? platform.id() : null));
            upgradeLines.add(line.build());
        }
        int down = 0;
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            CodeBlock.Builder line = CodeBlock.builder();
            if (change.downgrade().isEmpty() && change.review() != null && change.review().kind() != Review.Kind.NOT_PORTABLE) {
                line.add("// Not undone ($L): $L\n", change.review().kind().label(), change.review().message());
            }
            List<CodeBlock> comments = new ArrayList<>();
            for (int n = 0; n < change.downgrade().size(); n++) {
                comments.add(remarks.comments(Direction.DOWN, down++));
            }
            line.add(statements(writer, change.downgrade(), comments, null, remarks.onlyHere().contains(i) ? platform.id() : null));
            downgradeLines.add(line.build());
        }

        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addAnnotation(annotation.build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Migration.class);
        MethodSpec.Builder upgrade = MethodSpec.methodBuilder("upgrade").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(Operations.class, "op");
        MethodSpec.Builder downgrade = MethodSpec.methodBuilder("downgrade").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addParameter(Operations.class, "op");
        if (comparison.isEmpty()) {
            upgrade.addComment("Write the upgrade here, e.g. op.addColumn(\"author\", column(\"email\", varchar(320)));");
            downgrade.addComment("Undo the upgrade here, in reverse order.");
        }
        remarks.notes().forEach(note -> upgrade.addComment("TODO: $L", note));
        List<TypeSpec> upgradeParts = body(upgrade, "Upgrade", upgradeLines);
        List<TypeSpec> downgradeParts = body(downgrade, "Downgrade", downgradeLines);
        type.addMethod(upgrade.build()).addMethod(downgrade.build()).addTypes(upgradeParts).addTypes(downgradeParts);

        String source = JavaFile.builder(packageName, type.build())
                .addStaticImport(Types.class, "*")
                .skipJavaLangImports(true)
                .indent("    ")
                .build()
                .toString();
        return new MigrationSource(packageName, className, revision, source);
    }

    /**
     * One change's operations, each after its comments; for one platform only ({@code onlyOn} not null), inside
     * {@code op.onlyOn("<platform>", o -> …)} so that a reviewer sees which part the other databases skip.
     */
    private static CodeBlock statements(OperationWriter writer, List<Operation> operations, List<CodeBlock> comments, List<CodeBlock> after,
                                        String onlyOn) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (operations.isEmpty()) {
            return b.build();
        }
        if (onlyOn == null) {
            for (int i = 0; i < operations.size(); i++) {
                b.add(comments.get(i)).addStatement(writer.write(operations.get(i)));
                if (after != null) {
                    b.add(after.get(i));
                }
            }
            return b.build();
        }
        OperationWriter inside = writer.calling("o");
        if (operations.size() == 1 && comments.get(0).isEmpty()) {
            return b.addStatement("op.onlyOn($S, o -> $L)", onlyOn, inside.write(operations.get(0))).build();
        }
        b.add("op.onlyOn($S, o -> {\n$>", onlyOn);
        for (int i = 0; i < operations.size(); i++) {
            b.add(comments.get(i)).addStatement(inside.write(operations.get(i)));
        }
        return b.add("$<});\n").build();
    }

    /**
     * Fills a method with its changes, in order. A small migration keeps them in the method itself; a large one (an
     * initial migration of hundreds of tables) calls them in parts of {@value #PART_SIZE} changes, each part a nested
     * class of its own, because the JVM limits a method to 64 KB of bytecode and a class to 65,535 constants.
     *
     * @return the parts to add to the migration class; none for a small migration
     */
    private static List<TypeSpec> body(MethodSpec.Builder method, String direction, List<CodeBlock> lines) {
        if (lines.size() <= PART_SIZE) {
            lines.forEach(method::addCode);
            return List.of();
        }
        List<TypeSpec> parts = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += PART_SIZE) {
            List<CodeBlock> part = lines.subList(from, Math.min(lines.size(), from + PART_SIZE));
            String name = direction + "Part" + (parts.size() + 1);
            MethodSpec.Builder apply = MethodSpec.methodBuilder("apply").addModifiers(Modifier.STATIC).addParameter(Operations.class, "op");
            part.forEach(apply::addCode);
            parts.add(TypeSpec.classBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Changes $L to $L of the $L, in order.\n", from + 1, from + part.size(), direction.toLowerCase(Locale.ROOT))
                    .addMethod(apply.build()).build());
            method.addStatement("$L.apply(op)", name);
        }
        return parts;
    }

    /** {@code M<id>_<CamelCaseMessage>}: sorts by nothing in particular, reads well, and is a legal name. */
    static String className(String revision, String message) {
        StringBuilder name = new StringBuilder("M").append(revision);
        StringBuilder words = new StringBuilder();
        for (String word : message.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                words.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (words.length() > 0) {
            name.append('_').append(words.length() > 60 ? words.substring(0, 60) : words);
        }
        return name.toString();
    }

    /** Writes the file under a source root ({@code src/main/java}) and returns its path. */
    public Path writeTo(Path sourceRoot) {
        Path file = sourceRoot.resolve(packageName.replace('.', '/')).resolve(className + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write migration " + file + ": " + e.getMessage(), e);
        }
    }
}
