// Someone edits the applied migration instead of writing a new one.
def file = new File(basedir, "src/main/java/db/migrations/M1_CreateA.java")
file.text = file.text.replace('column("id", integer()).notNull()', 'column("id", bigint()).notNull()')
true
