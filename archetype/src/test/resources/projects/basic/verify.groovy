// After the generated project built (its MigrationsIT upgraded a real PostgreSQL, migrations:check passed on the embedded
// dev database): change an entity as a user would, generate the migration for it, then build again, which compiles the
// new revision and applies it in MigrationsIT, with check confirming the entities and the migrations agree.

// The generated project is "shop" under the IT's output directory (basedir is that directory or the IT's own); the IT's
// local repository and settings are in the archetype module's target/.
File project = [new File(basedir, "shop"), new File(basedir, "project/shop"), basedir].find { new File(it, "mvnw").isFile() }
assert project != null : "no generated project under " + basedir
File target = basedir
while (target.name != "target") {
    target = target.parentFile
}
def maven = [new File(System.getProperty("maven.home"), "bin/mvn").path, "-B",
             "-s", new File(target, "archetype-it/interpolated-settings.xml").path,
             "-Dmaven.repo.local=" + new File(target, "local-repo").path]

def run = { List<String> args ->
    def log = new File(project, "build-" + args.last().replaceAll(/\W+/, "-") + ".log")
    def process = new ProcessBuilder(maven + args).directory(project).redirectErrorStream(true).redirectOutput(log).start()
    int code = process.waitFor()
    if (code != 0) {
        throw new AssertionError("mvn " + args.join(" ") + " failed (" + code + "):\n" + log.text.readLines().takeRight(60).join("\n"))
    }
    return log.text
}

def migrations = new File(project, "src/main/java/db/migrations")
assert migrations.listFiles().length == 1 : "the project starts with its first migration"
assert new File(project, ".gitignore").isFile() : "the project has its .gitignore"
assert new File(project, "mvnw").canExecute() : "the Maven wrapper is executable"
def first = new File(project, "build.log").text
assert first.contains("Migrations check passed") : "check ran in verify and passed"
assert !first.contains("[ERROR]") : "a successful build prints no [ERROR] line"
// Nor the warnings a new project's first build used to print: SLF4J finding no binding for the embedded server's
// library, Hibernate's "built-in connection pool" (HHH10001002), or any other [WARNING] line.
def noWarnings = { String log, String build ->
    def warnings = log.readLines().findAll { it.contains("[WARNING]") || it.startsWith("SLF4J") || it.contains("HHH10001002") }
    assert warnings.isEmpty() : build + " prints no warning: " + warnings.join("\n")
}
noWarnings(first, "the generated project's first build")

def book = new File(project, "src/main/java/com/example/shop/model/Book.java")
book.text = book.text.replace("    private Author author;\n", "    private Author author;\n\n    @Column(length = 20)\n    private String isbn;\n")

def generated = run(["compile", "migrations:generate", "-Dmigrations.message=add isbn to book"])
assert generated.contains("add column public.book.isbn") : "generate lists the change:\n" + generated
def files = migrations.listFiles().findAll { it.name.endsWith("_AddIsbnToBook.java") }
assert files.size() == 1 : "generate writes one new migration: " + migrations.list()
assert files[0].text.contains('op.addColumn("book", column("isbn", varchar(20)));') : files[0].text
assert files[0].text.contains('op.dropColumn("book", "isbn");') : files[0].text

def verified = run(["verify"])
assert verified.contains("Tests run: 1, Failures: 0, Errors: 0") : "MigrationsIT applies both revisions:\n" + verified
assert verified.contains("Migrations check passed") : "check agrees with the new revision"
assert !verified.contains("[ERROR]") : "a successful build prints no [ERROR] line"
noWarnings(generated, "generate")
noWarnings(verified, "the build after generate")

// The jar records the head it was built with (index goal at prepare-package), and carries the revision index.
def head = (files[0].name =~ /^M([0-9a-f]+)_/)[0][1]
def jar = new File(project, "target").listFiles().find { it.name.endsWith(".jar") }
assert jar != null : "the build packaged a jar"
new java.util.jar.JarFile(jar).withCloseable { archive ->
    assert archive.manifest.mainAttributes.getValue("Retort-Head") == head : "the manifest names the head " + head
    assert archive.getEntry("db/migrations/retort.revisions") != null : "the jar carries the revision index"
    assert archive.manifest.mainAttributes.getValue("Class-Path").contains("lib/retort-core-") : "the manifest lists the libraries"
}

// The command line runs from the jar alone, its libraries in target/lib (docs/release.md): the help, and the SQL of both
// revisions, which needs the migrations and retort-core but no database.
def cli = { String... args ->
    def command = [new File(System.getProperty("java.home"), "bin/java").path, "-cp", "target/" + jar.name, "dev.retort.cli.Main"] + args.toList()
    def process = new ProcessBuilder(command).directory(project).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : command.join(" ") + " failed:\n" + output
    return output
}
assert cli("--help").contains("Usage: retort") : "the help"
def sql = cli("sql", "--from", "base")
assert sql.contains("CREATE TABLE") && sql.contains("isbn") : "the SQL of both revisions:\n" + sql
true
