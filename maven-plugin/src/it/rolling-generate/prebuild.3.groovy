// The developer changes the entity between the two generates.
new File(basedir, "src/main/java/it/retort/Author.java").text = new File(basedir, "changed/Author.java").text
true
