package it.retort;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read from the view R__active_authors.sql makes: the repeatable owns it, so check does not want it as a table. */
@Entity
@Table(name = "active_authors")
public class ActiveAuthor {

    @Id
    private Long id;

    private String name;

    private String email;
}
