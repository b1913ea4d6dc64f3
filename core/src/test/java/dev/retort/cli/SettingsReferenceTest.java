package dev.retort.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import dev.retort.config.Setting;

/** Every setting is documented in docs/configuration.md under all its names, and the command line offers it. */
class SettingsReferenceTest {

    /**
     * Settings only a build reads: the command line in an application's jar neither reads entities nor writes sources
     * (rolling says how generate writes them).
     */
    private static final Set<Setting> BUILD_ONLY = EnumSet.of(Setting.ENTITY_PACKAGES, Setting.PERSISTENCE_UNIT, Setting.SPRING_PROFILES,
            Setting.SOURCE_DIRECTORY, Setting.ROLLING);

    @Test
    void everySettingHasARowInConfigurationMdWithItsNamesAndDefault() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../docs/configuration.md"));
        for (Setting setting : Setting.values()) {
            String row = lines.stream().filter(l -> l.startsWith("| `" + setting.key() + "` |")).findFirst().orElse(null);
            assertTrue(row != null, "docs/configuration.md has no row for " + setting.key());
            for (String name : List.of(setting.mavenProperty(), setting.propertyName(), setting.environmentVariable())) {
                assertTrue(row.contains("`" + name + "`"), setting.key() + "'s row names " + name + ": " + row);
            }
            if (setting.defaultValue() != null) {
                assertTrue(row.contains("`" + setting.defaultValue() + "`"), setting.key() + "'s row gives its default: " + row);
            }
        }
    }

    @Test
    void theCommandLineOffersEverySettingButTheBuildsOwn() {
        CommandLine.Model.CommandSpec upgrade = Main.commandLine(new String[0], CommandLine.defaultFactory()).getSubcommands().get("upgrade").getCommandSpec();
        for (Setting setting : Setting.values()) {
            assertEquals(!BUILD_ONLY.contains(setting), upgrade.findOption(setting.option()) != null,
                    setting.option() + " is offered exactly when the setting is not the build's own");
        }
    }
}
