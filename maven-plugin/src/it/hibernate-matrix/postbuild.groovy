import static dev.retort.testing.InvokerSupport.*
import dev.retort.testing.Catalog

def versions = [h64: "6.4.4.Final", h66: "6.6.0.Final", h71: "7.1.10.Final", h72: "7.2.19.Final", h74: "7.4.15.Final"]
try {
    def log = buildLog(basedir)
    versions.each { module, version ->
        check(log.contains("Reading the entities with Hibernate ORM " + version + " from the project's class path."),
                module + ": the entities must be read with the project's Hibernate " + version)
        def migrations = new File(basedir, module + "/src/main/java/db/migrations").listFiles()
        check(migrations != null && migrations.length == 1, module + ": one migration, and the second generate must write nothing")
        def retort = Catalog.snapshot(database(basedir, module))
        def hibernate = Catalog.snapshot(database(basedir, module + "_hibernate"))
        check(retort == hibernate, module + " (Hibernate " + version + "): the schema Retort built differs from Hibernate's own create:\n only Hibernate: "
                + (hibernate - retort).join("\n   ") + "\n only Retort: " + (retort - hibernate).join("\n   "))
    }
    // The fidelity model on 6.6, 7.2 and 7.4: the same catalog as Hibernate's own create, nothing more to generate,
    // and the downgrade to base leaves nothing behind.
    ["h66", "h72", "h74"].each { module ->
        def version = versions[module]
        def migrations = new File(basedir, module + "/src/main/java/db/fidelity").listFiles()
        check(migrations != null && migrations.length == 1, module + ": one fidelity migration, and the second generate must write nothing")
        def db = database(basedir, module + "_fidelity")
        def retort = Catalog.snapshot(db)
        def hibernate = Catalog.snapshot(database(basedir, module + "_fidelity_hibernate"))
        check(retort == hibernate, module + " (Hibernate " + version + "): the fidelity schema Retort built differs from Hibernate's own create:\n only Hibernate: "
                + (hibernate - retort).join("\n   ") + "\n only Retort: " + (retort - hibernate).join("\n   "))
        def loader = new URLClassLoader([new File(basedir, module + "/target/classes").toURI().toURL()] as URL[], getClass().classLoader)
        def engine = dev.retort.Retort.configure().url(db.jdbcUrl()).user(db.user()).password(db.password()).classLoader(loader)
                .migrationsPackage("db.fidelity").listener(dev.retort.MigrationListener.none()).load()
        try {
            engine.downgrade("base")
        } finally {
            engine.close()
        }
        check(Catalog.snapshot(db) == ["schema public"], module + ": the fidelity downgrade to base must leave nothing behind: " + Catalog.snapshot(db))
    }
    check(log.count("No changes detected") == versions.size() + 3, "every second generate must find no changes")
} finally {
    dropDatabases(basedir)
}
