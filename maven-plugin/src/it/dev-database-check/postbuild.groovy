import static dev.retort.testing.InvokerSupport.*

def log = buildLog(basedir)
check(log.contains("entities differ from the migrations: add column public.author.email"), "check must find the drift")
check(log.contains("Migrations check passed"), "check must pass after generate")
check(new File(basedir, "src/main/java/db/migrations").listFiles().length == 2, "generate must write the missing migration")
