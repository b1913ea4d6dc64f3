import java.nio.file.Files
import java.nio.file.StandardCopyOption
import static dev.retort.testing.InvokerSupport.*

// One model for every version: copied into each module, so each compiles it against its own Hibernate.
def modules = ["h64", "h66", "h71", "h72", "h74"]
def model = basedir.toPath().resolve("model")
modules.each { module ->
    Files.walk(model).forEach { source ->
        def target = basedir.toPath().resolve(module).resolve(model.relativize(source).toString())
        if (Files.isDirectory(source)) Files.createDirectories(target) else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
    }
}
createDatabases(basedir, context.userProperties, modules + modules.collect { it + "_hibernate" })
true
