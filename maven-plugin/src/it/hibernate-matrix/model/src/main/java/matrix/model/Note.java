package matrix.model;

/** Mapped in META-INF/matrix-orm.xml, not by annotations. */
public class Note {
    Long id;
    String body;
}
