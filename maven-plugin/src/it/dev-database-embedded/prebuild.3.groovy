// The entity gains a field no migration adds.
def file = new File(basedir, "src/main/java/it/retort/Author.java")
file.text = file.text.replace("    String email;", "    String email;\n\n    @jakarta.persistence.Column(length = 40)\n    String phone;")
true
