package dev.retort.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.retort.config.Setting;
import dev.retort.internal.appconfig.SpringBootConfig;

/**
 * The command line, run from an application's jar, reads the retort.* keys of its application.properties that these
 * properties bind, and only those: the two lists stay one.
 */
class RetortPropertiesKeysTest {

    @Test
    void theCommandLineReadsTheKeysTheStarterBinds() {
        RetortProperties properties = new RetortProperties();
        properties.setUrl("u");
        properties.setUser("u");
        properties.setPassword("p");
        properties.setPasswordFile("f");
        properties.setSchema("s");
        properties.setEnvironment("e");
        properties.setConfirm("yes");
        properties.setExcludeObjects("audit_*");
        properties.setSchemas("app");
        properties.setCleanEnabled("yes");
        properties.setBaselineOnRelease("head");
        properties.setParallel("8");
        properties.setFailFast("yes");
        Set<String> bound = new TreeSet<>(properties.asSettings().keySet());
        Set<String> read = new TreeSet<>(SpringBootConfig.STARTER_KEYS.stream().map(Setting::propertyName).toList());
        assertEquals(bound, read);
    }
}
