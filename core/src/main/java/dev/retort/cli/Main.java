package dev.retort.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.retort.platform.Platform;
import dev.retort.platform.Platforms;

/**
 * Retort's command line, inside every application jar that depends on {@code retort-core}: no Maven, no build.
 *
 * <pre>
 * java -cp app.jar dev.retort.cli.Main upgrade                 # DATABASE_URL or RETORT_* from the environment
 * java -cp app.jar dev.retort.cli.Main release --report release.json
 * java -Dloader.main=dev.retort.cli.Main -cp app.jar org.springframework.boot.loader.launch.PropertiesLauncher upgrade
 * </pre>
 *
 * From a Spring Boot application with no database named for Retort, the application's own data source is used
 * ({@code spring.datasource.*}), and the output says so.
 *
 * Exit codes: 0 success, 1 failure (the database is then at a known revision, which the output names), 2 usage error.
 */
public final class Main {

    /** Success. */
    public static final int OK = 0;
    /** A command failed or refused: an error, a failed check, a release that did not reach head, an undeployable artifact. */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: an unknown command or option, a missing argument. */
    public static final int USAGE = 2;

    /** Every command, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(RunCommands.Upgrade.class, RunCommands.Downgrade.class, RunCommands.Stamp.class,
            RunCommands.Repair.class, RunCommands.Clean.class, LookCommands.Current.class, LookCommands.History.class, LookCommands.Heads.class,
            LookCommands.Show.class, SqlCommand.class, CheckCommand.class, LintCommand.class, VerifyCommand.class, ReleaseCommand.class,
            CheckDeployableCommand.class);

    /** How to start the command line, below the top-level help. */
    private static final List<String> STARTING = List.of(
        "",
        "Starting it:",
        "  from a plain jar, with its dependencies beside it:",
        "    java -cp 'app.jar:lib/*' dev.retort.cli.Main upgrade",
        "  from a Spring Boot executable jar, through Boot's launcher:",
        "    java -Dloader.main=dev.retort.cli.Main -cp app.jar \\",
        "      org.springframework.boot.loader.launch.PropertiesLauncher upgrade",
        "  COMMAND --help lists a command's options.");

    /** How to name the database, in the URL forms of the platforms on the class path, and how to start the command line. */
    static String[] footer() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("  DATABASE_URL names it, in one of these forms:");
        for (Platform platform : Platforms.all()) {
            for (String form : platform.urlForms().split(" or ")) {
                lines.add("    " + form);
            }
        }
        lines.add("  A JDBC URL takes the user and password as parameters (?user=app&password=...).");
        lines.add("  --url (RETORT_URL), --user and --password win over it; every option");
        lines.add("  also reads its RETORT_* variable, and --config-file retort.* properties.");
        lines.addAll(STARTING);
        return lines.toArray(String[]::new);
    }

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs the command line without exiting: for tests and for applications that embed it.
     *
     * @param args        the arguments, command first
     * @param environment the environment variables to read ({@code RETORT_*}, {@code DATABASE_URL})
     * @param out         where results go
     * @param err         where errors and (with {@code --json}) progress go
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return run(args, environment, Main.class.getClassLoader(), out, err);
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream)}, with the application's class path given (tests). */
    static int run(String[] args, Map<String, String> environment, ClassLoader classLoader, PrintStream out, PrintStream err) {
        Console console = new Console(out, err);
        CommandLine line = commandLine(args, new Factory(environment, classLoader, console))
                .setExecutionExceptionHandler(console::failed)
                .setParameterExceptionHandler(console::usage)
                .setExitCodeExceptionMapper(e -> FAILURE)
                .setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put("0", "success");
        exitCodes.put("1", "failure (the output says why and where the database is)");
        exitCodes.put("2", "usage error");
        line.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(exitCodes)
                .footerHeading("%nThe database:%n").footer(footer());
        return line.execute(args);
    }

    /**
     * The {@code retort} command with the sub-command the arguments name, or with all of them when they name none (help,
     * version, a mistake). Picocli builds each command's model by reflection when it is added: a deploy that runs
     * {@code release} in a fresh JVM should not pay for the thirteen commands it does not run.
     */
    static CommandLine commandLine(String[] args, CommandLine.IFactory factory) {
        CommandLine line = new CommandLine(new RetortCommand(), factory);
        String named = args.length > 0 ? args[0] : "";
        List<Class<?>> wanted = COMMANDS.stream().filter(c -> (c.getAnnotation(Command.class).name().equals(named)
                || java.util.Arrays.asList(c.getAnnotation(Command.class).aliases()).contains(named))).toList();
        for (Class<?> command : wanted.isEmpty() ? COMMANDS : wanted) {
            line.addSubcommand(command);
        }
        return line;
    }

    /** Gives every command the environment, the class path and the console, so nothing reads process-wide state. */
    private record Factory(Map<String, String> environment, ClassLoader classLoader, Console console) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K created = CommandLine.defaultFactory().create(type);
            if (created instanceof Options options) {
                options.environment = environment;
                options.classLoader = classLoader;
            }
            if (created instanceof RetortCommand.Base base) {
                base.console = console;
            }
            return created;
        }
    }
}
