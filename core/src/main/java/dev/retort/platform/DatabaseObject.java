package dev.retort.platform;

/**
 * One object of a schema, as {@code clean} lists it and repeatable revisions own it.
 *
 * @param type   what it is, in the database's own lower-case words: {@code table}, {@code view}, {@code materialized view},
 *               {@code sequence}, {@code function}, {@code procedure}, {@code type}, {@code domain}
 * @param schema its schema; null when a statement did not write one (the connection's current schema)
 * @param name   its name as the database stores it
 */
public record DatabaseObject(String type, String schema, String name) {

    /** Schema and name, as a person reads them. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }
}
