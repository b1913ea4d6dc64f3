package matrix.tool;

import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import matrix.fidelity.IdServices;

/**
 * Hibernate's own create of the fidelity model, as an application starts it: a session factory over the classes a JPA
 * scan of matrix.fidelity finds (the JPA 3.2 ones only where they were compiled), the application's IdSettings service
 * registered on its own registry builder, hibernate.default_schema set.
 */
public final class CreateFidelity {

    private static final List<String> CLASSES = List.of("MoneyConverter", "Product", "Ledger", "Entry", "Publisher", "Book", "Task",
            "Note", "Fixture", "Lamp", "Poll", "Memo", "Voucher", "Resource", "Label", "Gauge", "Dial");

    private CreateFidelity() {
    }

    public static void main(String[] args) {
        // As an application with a default schema connects: that schema on its search path, where Hibernate 6.6's
        // unqualified reference to a composite type it created there is found.
        String url = args[0] + (args[0].contains("?") ? "&" : "?") + "currentSchema=fidelity,public";
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder().applySettings(Map.of(
                "hibernate.connection.url", url,
                "hibernate.connection.username", System.getProperty("matrix.user"),
                "hibernate.connection.password", System.getProperty("matrix.password", ""),
                "hibernate.default_schema", "fidelity",
                "hibernate.hbm2ddl.auto", "create-only",
                "hibernate.hbm2ddl.create_namespaces", "true",
                "hibernate.hbm2ddl.halt_on_error", "true"));
        new IdServices().contribute(builder);
        StandardServiceRegistry registry = builder.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (String name : CLASSES) {
                try {
                    sources.addAnnotatedClass(Class.forName("matrix.fidelity." + name));
                } catch (ClassNotFoundException notCompiledHere) {
                    // the JPA 3.2 entities exist on Hibernate 7 only
                }
            }
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                factory.getMetamodel();
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
