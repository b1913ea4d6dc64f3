package dev.retort.rolling.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A person, second version: the name's column renamed to full_name, the nickname gone. */
@Entity
public class Person {

    @Id
    Long id;

    @Column(name = "full_name", nullable = false, length = 100)
    String fullName;

    @Column(nullable = false, length = 320)
    String email;
}
