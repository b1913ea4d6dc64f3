import static dev.retort.testing.InvokerSupport.*

import java.util.concurrent.TimeUnit

def db = database(basedir)
try {
    def java = new File(System.getProperty("java.home"), "bin/java").path
    def classPath = new File(basedir, "target/classes").path + File.pathSeparator + new File(basedir, "target/classpath.txt").text.trim()
    def mavenHome = System.getProperty("maven.home")
    def mvn = new File(mavenHome, "bin/mvn").path
    def settings = new File(basedir, "../interpolated-settings.xml").path
    def repo = new File(basedir, "../../local-repo").canonicalPath
    def env = ["DATABASE_URL": db.jdbcUrl(), "RETORT_USER": db.user(), "RETORT_PASSWORD": db.password()]

    def processes = []
    def launch = { String name, List<String> command ->
        def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
        builder.environment().putAll(env)
        builder.environment().put("PGAPPNAME", name)
        processes << [name: name, process: builder.start()]
    }
    4.times { i -> launch("maven-" + i, [mvn, "-B", "-s", settings, "-Dmaven.repo.local=" + repo, "migrations:upgrade"]) }
    6.times { i -> launch("api-" + i, [java, "-cp", classPath, "app.ApiUpgrade"]) }
    6.times { i -> launch("cli-" + i, [java, "-cp", classPath, "dev.retort.cli.Main", "upgrade"]) }
    check(processes.size() == 16, "sixteen deployers")
    processes.each { p ->
        def output = p.process.inputStream.text
        check(p.process.waitFor(300, TimeUnit.SECONDS), p.name + " did not finish")
        check(p.process.exitValue() == 0, p.name + " failed:\n" + output)
    }
    check(column(basedir, "select revision from applied_log order by revision") == ["d00000000001", "d00000000002", "d00000000003", "d00000000004", "d00000000005"], "each revision applied once")
    check(column(basedir, "select count(*) from retort_history where direction = 'up' and success") == ["5"], "five upgrades recorded, no more")
    check(column(basedir, "select count(*) from retort_history where not success") == ["0"], "no failed attempt")
    check(column(basedir, "select version_num from retort_version") == ["d00000000005"], "at head")
} finally {
    dropDatabase(basedir)
}
