package dev.retort.hibernate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.RetortException;
import dev.retort.internal.appconfig.BootConfiguration;
import dev.retort.internal.hibernate.OfflineSettings;
import dev.retort.internal.hibernate.boot.BootJpa;

/**
 * The Hibernate settings a Spring Boot application's JPA runs with, as far as its packaged configuration files say:
 * the naming strategies (Boot's own defaults, or {@code spring.jpa.hibernate.naming.physical-strategy} and
 * {@code implicit-strategy}) and every {@code spring.jpa.properties.*}, from {@code application.properties} and
 * {@code application.yml} and the files of the active profiles. Reading a Boot application's entities with them gives
 * the schema its {@code ddl-auto=validate} expects: with Hibernate's plain defaults, a field {@code createdAt} would
 * be a column {@code createdat} where Boot's naming makes it {@code created_at}.
 *
 * <p>The naming strategies are chosen as Boot's {@code HibernateProperties} chooses them: a
 * {@code spring.jpa.hibernate.naming.*} property wins over {@code spring.jpa.properties.hibernate.*_naming_strategy},
 * which wins over Boot's default (Boot 3: {@code CamelCaseToUnderscoresNamingStrategy} and
 * {@code org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy}; Boot 4:
 * {@code PhysicalNamingStrategySnakeCaseImpl} and {@code org.springframework.boot.hibernate.SpringImplicitNamingStrategy}).
 * What only the running application knows is not seen: a naming strategy declared as a {@code @Bean}, a
 * {@code HibernatePropertiesCustomizer}, environment variables and command-line arguments.
 *
 * <pre>{@code
 * SpringBootJpaSettings.read(applicationLoader, List.of("prod"), List.of(Path.of("src/main/resources")))
 *         .ifPresent(boot -> {
 *             Map<String, Object> settings = boot.settings(explicit);   // explicit settings win
 *             System.out.println(boot.naming(explicit));                // "Naming: Spring Boot's defaults (...), from application.yml (profile prod)."
 *         });
 * }</pre>
 */
public final class SpringBootJpaSettings {

    static final String PHYSICAL = "hibernate.physical_naming_strategy";
    static final String IMPLICIT = "hibernate.implicit_naming_strategy";
    private static final String JPA_PROPERTIES = "spring.jpa.properties";

    private final BootJpa boot;
    private final BootConfiguration configuration;

    private SpringBootJpaSettings(BootJpa boot, BootConfiguration configuration) {
        this.boot = boot;
        this.configuration = configuration;
    }

    /**
     * The settings of the application the class loader holds, when it is a Spring Boot application with JPA (Boot's
     * JPA auto-configuration on its class path); empty otherwise.
     *
     * @param application         the application's classes and dependencies; its configuration files are looked up through it
     * @param profiles            profiles the application runs with (as {@code SPRING_PROFILES_ACTIVE} would give them); when
     *                            empty, those of {@code spring.profiles.active} in its files
     * @param resourceDirectories where to look for a configuration file the class loader does not see (a project's
     *                            {@code src/main/resources} not yet copied to its output directory); may be empty
     * @throws RetortException when profiles are given but the application is not a Spring Boot application with JPA, or a
     *                         configuration file cannot be read
     */
    public static Optional<SpringBootJpaSettings> read(ClassLoader application, Collection<String> profiles, Collection<Path> resourceDirectories) {
        Optional<BootJpa> boot = BootJpa.on(application);
        if (boot.isEmpty()) {
            if (!profiles.isEmpty()) {
                throw new RetortException("{springProfiles} names Spring profile(s) " + String.join(", ", profiles) + ", but the project has no "
                        + "Spring Boot JPA on its class path (spring-boot-starter-data-jpa); leave {springProfiles} unset.");
            }
            return Optional.empty();
        }
        // The build's environment is not the one the application runs in: placeholders resolve from the files alone.
        return Optional.of(new SpringBootJpaSettings(boot.get(),
                BootConfiguration.read(application, List.copyOf(resourceDirectories), List.copyOf(profiles), Map.of())));
    }

    /**
     * The Hibernate settings to read the entities with: {@code spring.jpa.properties.*} and the naming strategies Boot
     * would apply, with the explicit settings over them. Settings that would connect to a database are left out.
     *
     * @throws RetortException when a setting the explicit ones do not replace holds a placeholder only the running
     *                         application can resolve ({@code ${DB_SCHEMA}} without a default)
     */
    public Map<String, Object> settings(Map<String, ?> explicit) {
        Map<String, Object> settings = new LinkedHashMap<>();
        configuration.map(JPA_PROPERTIES).forEach((key, value) -> {
            if (!explicit.containsKey(key) && !OfflineSettings.connects(key)) {
                settings.put(key, resolved(JPA_PROPERTIES + "." + key, value));
            }
        });
        for (Strategy strategy : strategies()) {
            if (!explicit.containsKey(strategy.setting())) {
                settings.put(strategy.setting(), resolved(strategy.property() == null ? strategy.setting() : strategy.property(), strategy.value()));
            }
        }
        settings.putAll(explicit);
        return settings;
    }

    /**
     * One line saying which naming strategies the entities are read with, and from which files:
     * {@code Naming: Spring Boot's defaults (physical CamelCaseToUnderscoresNamingStrategy, implicit SpringImplicitNamingStrategy), from application.properties.}
     */
    public String naming(Map<String, ?> explicit) {
        List<String> parts = new ArrayList<>();
        boolean defaults = true;
        for (Strategy strategy : strategies()) {
            Object given = explicit.get(strategy.setting());
            if (given != null) {
                parts.add(strategy.kind() + " " + given + " (given explicitly)");
                defaults = false;
            } else if (strategy.property() != null) {
                parts.add(strategy.kind() + " " + strategy.value() + " (" + strategy.property() + " in " + configuration.origin(strategy.property()) + ")");
                defaults = false;
            } else {
                parts.add(strategy.kind() + " " + simpleName(strategy.value()));
            }
        }
        String naming = defaults ? "Spring Boot's defaults (" + String.join(", ", parts) + ")"
                : String.join(", ", parts.stream().map(p -> p.contains("(") ? p : p + " (Spring Boot's default)").toList());
        return "Naming: " + naming + ", " + files() + ".";
    }

    private String files() {
        List<String> profiles = configuration.profiles();
        String active = profiles.isEmpty() ? "" : " (profile" + (profiles.size() > 1 ? "s " : " ") + String.join(", ", profiles) + ")";
        return configuration.files().isEmpty() ? "with no application.properties or application.yml on the class path" + active
                : "from " + String.join(", ", configuration.files()) + active;
    }

    /** The physical and the implicit strategy, as Boot's {@code HibernateProperties.Naming} chooses each. */
    private List<Strategy> strategies() {
        return List.of(strategy("physical", PHYSICAL, "spring.jpa.hibernate.naming.physical-strategy", boot.physicalStrategy()),
                strategy("implicit", IMPLICIT, "spring.jpa.hibernate.naming.implicit-strategy", boot.implicitStrategy()));
    }

    private Strategy strategy(String kind, String setting, String namingProperty, String bootDefault) {
        String named = configuration.get(namingProperty);
        if (named != null && !named.isBlank()) {
            return new Strategy(kind, setting, named.strip(), namingProperty);
        }
        String property = JPA_PROPERTIES + "." + setting;
        String passed = configuration.get(property);
        if (passed != null && !passed.isBlank()) {
            return new Strategy(kind, setting, passed.strip(), property);
        }
        return new Strategy(kind, setting, bootDefault, null);
    }

    private String resolved(String property, String value) {
        if (BootConfiguration.unresolved(value)) {
            String file = configuration.origin(property);
            throw new RetortException(property + (file == null ? "" : " in the application's " + file) + " is " + value
                    + ", a placeholder only the running application can resolve; give it a default (${NAME:value}) or set the Hibernate "
                    + "setting explicitly for Retort (the Maven plugin's hibernateProperties).");
        }
        return value;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * One naming strategy as Boot chooses it.
     *
     * @param property the configuration property that named it, or null for Boot's default
     */
    private record Strategy(String kind, String setting, String value, String property) {
    }
}
