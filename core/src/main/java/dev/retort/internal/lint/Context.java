package dev.retort.internal.lint;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.retort.command.Direction;
import dev.retort.lint.Finding;
import dev.retort.lint.LintRule;
import dev.retort.lint.RuleContext;
import dev.retort.lint.Severity;
import dev.retort.operation.Operation;
import dev.retort.platform.Platform;
import dev.retort.platform.SqlStatement;

/** One operation of one revision, as a rule sees it; findings go to a sink. */
final class Context implements RuleContext {

    private final Platform platform;
    private final RevisionOperations revision;
    private final Direction direction;
    private final int index;
    private final SchemaState state;
    private final boolean runSetsLockTimeout;
    private final Consumer<Finding> sink;
    private LintRule rule;

    Context(Platform platform, RevisionOperations revision, Direction direction, int index, SchemaState state, boolean runSetsLockTimeout,
            Consumer<Finding> sink) {
        this.platform = platform;
        this.revision = revision;
        this.direction = direction;
        this.index = index;
        this.state = state;
        this.runSetsLockTimeout = runSetsLockTimeout;
        this.sink = sink;
    }

    /** The rule the next findings belong to. */
    Context judgedBy(LintRule judge) {
        this.rule = judge;
        return this;
    }

    private List<Operation> list() {
        return revision.operations(direction);
    }

    @Override
    public Operation operation() {
        return list().get(index);
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public List<Operation> preceding() {
        return list().subList(0, index);
    }

    @Override
    public List<Operation> following() {
        return list().subList(index + 1, list().size());
    }

    @Override
    public List<String> newNames() {
        return NewNames.of(operation());
    }

    @Override
    public List<Operation> upgrade() {
        return revision.upgrade();
    }

    @Override
    public boolean transactional() {
        return revision.transactional();
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public boolean tableExisted(String schema, String table) {
        return state.existedBeforeRun(schema, table);
    }

    @Override
    public boolean typeExisted(String schema, String type) {
        return state.typeExistedBeforeRun(schema, type);
    }

    @Override
    public Optional<String> tableOfIndex(String schema, String index) {
        return state.tableOfIndex(schema, index);
    }

    @Override
    public boolean validNotNullCheck(String schema, String table, String column) {
        Pattern notNull = Pattern.compile("\\(*\\s*\"?" + Pattern.quote(column) + "\"?\\s*\\)*\\s+IS\\s+NOT\\s+NULL\\s*\\)*",
                Pattern.CASE_INSENSITIVE);
        return state.checksOf(state.key(schema, table)).values().stream()
                .anyMatch(check -> check.valid() && notNull.matcher(check.expression().strip()).matches());
    }

    @Override
    public boolean addedInThisRevision(String schema, String table, String constraint) {
        return state.addedThisRevision.contains(state.key(schema, table) + "/" + constraint);
    }

    @Override
    public Optional<List<String>> enumValues(String schema, String type) {
        String key = state.key(schema, type);
        return Optional.ofNullable(state.enums.containsKey(key) ? state.enums.get(key) : state.droppedEnums.get(key)).map(List::copyOf);
    }

    @Override
    public boolean runSetsLockTimeout() {
        return runSetsLockTimeout;
    }

    @Override
    public String qualified(String schema, String name) {
        return state.key(schema, name);
    }

    @Override
    public void report(String problem, String safeAlternative) {
        reportAbout(describe(platform, operation()), problem, safeAlternative);
    }

    @Override
    public void reportAbout(String part, String problem, String safeAlternative) {
        Severity severity = rule.severity();
        add(direction == Direction.DOWN && severity == Severity.ERROR ? Severity.WARNING : severity, part, problem, safeAlternative);
    }

    @Override
    public void report(Severity severity, String problem, String safeAlternative) {
        add(severity, describe(platform, operation()), problem, safeAlternative);
    }

    private void add(Severity severity, String quoted, String problem, String safeAlternative) {
        sink.accept(new Finding(rule.id(), severity, revision.revision(), direction, index, quoted, problem, safeAlternative, null));
    }

    /** An operation as its first statement reads, for findings. */
    static String describe(Platform platform, Operation operation) {
        if (operation instanceof Operation.RunJdbc jdbc) {
            return "JDBC: " + jdbc.description();
        }
        try {
            List<SqlStatement> statements = platform.dialect().render(operation);
            return statements.isEmpty() ? operation.getClass().getSimpleName() : platform.dialect().inline(statements.get(0));
        } catch (IllegalArgumentException e) {
            return operation.getClass().getSimpleName();
        }
    }
}
