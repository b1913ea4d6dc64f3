package dev.retort.internal.hibernate;

import java.util.List;

/**
 * Which Hibernate settings the entity reader leaves out: those that would make Hibernate connect to, or act on, a
 * database while it only describes one. Shared by the reader and by what collects an application's settings.
 */
public final class OfflineSettings {

    private static final List<String> CONNECTING = List.of("hibernate.connection.", "jakarta.persistence.jdbc.", "javax.persistence.jdbc.",
            "jakarta.persistence.jtaDataSource", "jakarta.persistence.nonJtaDataSource", "javax.persistence.jtaDataSource",
            "javax.persistence.nonJtaDataSource", "hibernate.hbm2ddl.", "jakarta.persistence.schema-generation.",
            "javax.persistence.schema-generation.", "hibernate.hikari.", "hibernate.c3p0.", "hibernate.agroal.");

    private OfflineSettings() {
    }

    /** Whether the setting would connect to, or act on, a database: the reader ignores it. */
    public static boolean connects(String key) {
        return CONNECTING.stream().anyMatch(key::startsWith);
    }
}
