import static dev.retort.testing.InvokerSupport.*

// The table holds rows when the developer adds a NOT NULL field to the entity.
execute(basedir, "insert into author (name) values ('Ann'), ('Bo')")
new File(basedir, "src/main/java/it/retort/Author.java").text = new File(basedir, "changed/Author.java").text
true
