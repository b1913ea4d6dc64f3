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
class RecipePagesTest {

    private static final Path DOCS = RecipePages.docs(Path.of(""));

    @Test
    void everyCommandLineOfTheRecipePagesIsReadWithItsJar() {
        List<RecipePages.Command> commands = RecipePages.commands(DOCS);
        for (RecipePages.Command command : commands) {
            assertEquals("java", command.argv().get(0), command.where());
            assertNotNull(command.jarPath(), command.where());
            assertTrue(command.argv().contains("dev.retort.cli.Main") || command.argv().contains("-Dloader.main=dev.retort.cli.Main"),
                    command.where());
            assertTrue(command.jar() == RecipePages.Jar.BOOT || command.argv().indexOf("dev.retort.cli.Main") == 3, command.where());
        }
        assertTrue(commands.stream().filter(c -> c.jar() == RecipePages.Jar.PLAIN).count() >= 5, commands.toString());
        assertTrue(commands.stream().filter(c -> c.jar() == RecipePages.Jar.BOOT).count() >= 6, commands.toString());
    }

    @Test
    void readsShellLinesStringsArraysAndScripts() {
        assertEquals(List.of("java", "-cp", "target/shop-1.0-SNAPSHOT.jar", "dev.retort.cli.Main", "upgrade"),
                RecipePages.argv("java -cp target/shop-1.0-SNAPSHOT.jar dev.retort.cli.Main upgrade            # DATABASE_URL", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "release"),
                RecipePages.argv("  # a plain jar: release_command = \"java -cp /app/app.jar dev.retort.cli.Main release\"", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "release"),
                RecipePages.argv("    command: [\"java\", \"-cp\", \"/app/app.jar\", \"dev.retort.cli.Main\", \"release\"]", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "$@"),
                RecipePages.argv("exec java -cp /app/app.jar dev.retort.cli.Main \"$@\"", "t"));
        assertEquals(List.of("java", "-cp", "/app/app.jar", "dev.retort.cli.Main", "check-deployable"),
                RecipePages.argv("docker run --rm -e DATABASE_URL \"$1\" java -cp /app/app.jar dev.retort.cli.Main check-deployable \\", "t"));
    }
}
