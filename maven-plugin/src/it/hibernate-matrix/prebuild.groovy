import java.nio.file.Files
import java.nio.file.StandardCopyOption
import static dev.retort.testing.InvokerSupport.*

// One model for every version: copied into each module, so each compiles it against its own Hibernate. The fidelity
// model goes to 6.6, 7.2 and 7.4, its JPA 3.2 part (options) to the 7.x modules alone.
def modules = ["h64", "h66", "h71", "h72", "h74"]
def fidelity = ["h66", "h72", "h74"]
def copy = { String from, String module ->
    def model = basedir.toPath().resolve(from)
    Files.walk(model).forEach { source ->
        def target = basedir.toPath().resolve(module).resolve(model.relativize(source).toString())
        if (Files.isDirectory(source)) Files.createDirectories(target) else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
modules.each { copy("model", it) }
fidelity.each { copy("fidelity", it) }
["h72", "h74"].each { copy("fidelity-jpa32", it) }
createDatabases(basedir, context.userProperties, modules + modules.collect { it + "_hibernate" } + fidelity.collect { it + "_fidelity" }
        + fidelity.collect { it + "_fidelity_hibernate" })
true
