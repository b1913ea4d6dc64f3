package dev.retort.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The recipe pages' command lines as the recipe ITs read them (the ITs run them: the Spring Boot samples and
 * .ci/newcomer.sh): every form a page writes them in is read whole, and each names its jar.
 */
class RecipesTest {

    private static final Path DOCS = Recipes.docs(Path.of(""));

    @Test
    void everyCommandLineOfTheRecipePagesIsReadWithItsJar() {
        List<Recipes.Command> commands = Recipes.commands(DOCS);
        for (Recipes.Command command : commands) {
            assertEquals("java", command.argv().get(0), command.where());
            assertNotNull(command.jarPath(), command.where());
            assertTrue(command.argv().contains("dev.retort.cli.Main") || command.argv().contains("-Dloader.main=dev.retort.cli.Main"),
                    command.where());
            assertTrue(command.jar() == Recipes.Jar.BOOT || command.argv().indexOf("dev.retort.cli.Main") == 3, command.where());
        }
        assertTrue(commands.stream().filter(c -> c.jar() == Recipes.Jar.PLAIN).count() >= 5, commands.toString());
        assertTrue(commands.stream().filter(c -> c.jar() == Recipes.Jar.BOOT).count() >= 6, commands.toString());
    }

    @Test
    void readsShellLinesStringsArraysAndScripts() {
        assertEquals(List.of("java", "-cp", "target/shop-1.0-SNAPSHOT.jar", "dev.retort.cli.Main", "upgrade"),
                Recipes.argv("java -cp target/shop-1.0-SNAPSHOT.jar dev.retort.cli.Main upgrade            # DATABASE_URL", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "release"),
                Recipes.argv("  # a plain jar: release_command = \"java -cp /app/app.jar dev.retort.cli.Main release\"", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "release"),
                Recipes.argv("    command: [\"java\", \"-cp\", \"/app/app.jar\", \"dev.retort.cli.Main\", \"release\"]", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "$@"),
                Recipes.argv("exec java -cp /app/app.jar dev.retort.cli.Main \"$@\"", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "check-deployable"),
                Recipes.argv("docker run --rm -e DATABASE_URL \"$1\" java -cp /app/app.jar dev.retort.cli.Main check-deployable \\", "t"));
    }
}
