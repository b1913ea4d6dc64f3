import static dev.retort.testing.InvokerSupport.*

/** What a schema is, object by object: columns, constraints, indexes, views, routines, privileges, Flyway's table and the data. */
def catalog(db) {
    def rows = []
    rows += db.column("select 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') "
            + "|| ' null=' || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity "
            + "from information_schema.columns where table_schema = 'public' and table_name not like 'retort%' order by 1")
    rows += db.column("select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint "
            + "where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'retort%' order by 1")
    rows += db.column("select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public' and tablename not like 'retort%' order by 1")
    rows += db.column("select 'view ' || viewname || ' ' || definition from pg_views where schemaname = 'public' order by 1")
    rows += db.column("select 'acl ' || relname || ' ' || coalesce(relacl::text, '-') from pg_class where relnamespace = 'public'::regnamespace "
            + "and relkind in ('r', 'v') and relname not like 'retort%' order by 1")
    rows += db.column("select 'row ' || id || ' ' || name || ' ' || active || ' ' || coalesce(email, '-') from author order by id")
    rows += db.column("select 'flyway ' || installed_rank || ' ' || coalesce(version, 'R') || ' ' || script || ' ' || success "
            + "from flyway_schema_history order by installed_rank")
    return rows
}

def app = database(basedir, "from_flyway")
def twin = database(basedir, "from_flyway_twin")
try {
    // The move is what the guide says: each versioned file gains a header and nothing else, the rest are the same files.
    def flyway = new File(basedir, "flyway/db/migration")
    def retort = new File(basedir, "src/main/resources/db/migration")
    ["V1__create_author.sql", "V2__add_email.sql"].each { name ->
        def moved = new File(retort, name).readLines().findAll { !it.startsWith("-- retort:") }
        check(moved == new File(flyway, name).readLines(), name + " is Flyway's file with a header, nothing else changed")
    }
    check(new File(retort, "R__active_authors.sql").text == new File(flyway, "R__active_authors.sql").text, "the R__ file is as Flyway ran it")
    check(new File(retort, "afterRun.sql").text == new File(flyway, "afterMigrate.sql").text, "afterMigrate.sql, renamed afterRun.sql")

    def log = buildLog(basedir)
    check(log.contains("its schema is not the one at revision v1, so it was not adopted there (migrations.baselineOnRelease)"),
            "a baseline at the wrong revision is refused")
    check(log.contains("it would take") && log.contains("email"), "the refusal names the difference")
    check(log.contains("the database had no Retort tables and its schema equals revision v2's, so it was stamped at v2"),
            "the release adopted the database at v2")
    check(app.column("select version_num from retort_version") == ["v2"], "Retort records the database at v2")
    check(app.column("select revision || ' ' || direction from retort_history order by id") == ["v2 stamp", "active_authors repeat"],
            "nothing versioned ran; the repeatable, new to Retort's history, was applied once")
    check(log.contains("Ran the afterRun callback db/migration/afterRun.sql"), "the callback re-granted after the release")
    check(log.contains("No changes detected: the database matches the entities. Nothing written."),
            "generate writes nothing: no drop of flyway_schema_history, no table for the view")
    check(!new File(basedir, "src/main/java/db/migrations").exists(), "no revision was generated")

    def before = catalog(twin)
    def after = catalog(app)
    check(before.size() > 10, "the catalog is read: " + before)
    check(after == before, "no object changed: the database Retort adopted is the twin Flyway left\n" + (after - before) + "\n" + (before - after))
} finally {
    app.execute("drop owned by it_from_flyway_reader")
    twin.execute("drop owned by it_from_flyway_reader")
    app.execute("drop role if exists it_from_flyway_reader")
    dropDatabases(basedir)
}
