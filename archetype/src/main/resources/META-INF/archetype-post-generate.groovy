// The archetype plugin neither keeps file modes nor packs dot-files such as .gitignore (a default exclude):
// make the Maven wrapper runnable again, and give .gitignore its name.
def project = new File(request.outputDirectory, request.artifactId)
new File(project, "mvnw").setExecutable(true, false)
new File(project, "gitignore").renameTo(new File(project, ".gitignore"))
