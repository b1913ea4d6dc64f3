package dev.retort.internal.hibernate.boot;

import java.util.List;
import java.util.Optional;

/**
 * The Spring Boot generations whose JPA auto-configuration gives Hibernate naming strategies of its own, with the
 * defaults their {@code HibernateProperties.Naming} applies, and how to tell them apart on a class path.
 */
public enum BootJpa {

    /** Boot 4.0 and later: JPA in {@code spring-boot-hibernate}, Hibernate 7's snake-case physical strategy. */
    BOOT_4("org/springframework/boot/hibernate/autoconfigure/HibernateJpaAutoConfiguration.class",
            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl", "org.springframework.boot.hibernate.SpringImplicitNamingStrategy"),

    /**
     * Boot 3.x: JPA in {@code spring-boot-autoconfigure}, which every Boot application has, so Spring's JPA support
     * ({@code spring-orm}, which the auto-configuration needs) must be there too.
     */
    BOOT_3("org/springframework/boot/autoconfigure/orm/jpa/HibernateJpaAutoConfiguration.class",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "org/springframework/orm/jpa/LocalContainerEntityManagerFactoryBean.class");

    private final String autoConfiguration;
    private final String physicalStrategy;
    private final String implicitStrategy;
    private final List<String> alsoNeeded;

    BootJpa(String autoConfiguration, String physicalStrategy, String implicitStrategy, String... alsoNeeded) {
        this.autoConfiguration = autoConfiguration;
        this.physicalStrategy = physicalStrategy;
        this.implicitStrategy = implicitStrategy;
        this.alsoNeeded = List.of(alsoNeeded);
    }

    /** The Spring Boot JPA auto-configuration the application's class path holds, if any. */
    public static Optional<BootJpa> on(ClassLoader application) {
        for (BootJpa boot : values()) {
            if (application.getResource(boot.autoConfiguration) != null
                    && boot.alsoNeeded.stream().allMatch(resource -> application.getResource(resource) != null)) {
                return Optional.of(boot);
            }
        }
        return Optional.empty();
    }

    /** The physical naming strategy Boot configures when the application names none. */
    public String physicalStrategy() {
        return physicalStrategy;
    }

    /** The implicit naming strategy Boot configures when the application names none. */
    public String implicitStrategy() {
        return implicitStrategy;
    }
}
