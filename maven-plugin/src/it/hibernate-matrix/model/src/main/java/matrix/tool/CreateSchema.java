package matrix.tool;

import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/** Hibernate's own create of the persistence unit, as a Jakarta Persistence application starting up would run it. */
public final class CreateSchema {

    private CreateSchema() {
    }

    public static void main(String[] args) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("matrix", Map.of(
                "jakarta.persistence.jdbc.url", args[0],
                "jakarta.persistence.jdbc.user", System.getProperty("matrix.user"),
                "jakarta.persistence.jdbc.password", System.getProperty("matrix.password", ""),
                "jakarta.persistence.schema-generation.database.action", "create",
                "hibernate.hbm2ddl.halt_on_error", "true"));
        factory.close();
    }
}
