package dev.retort.rolling.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A person, first version: a name and a nickname, both required. */
@Entity
public class Person {

    @Id
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false, length = 50)
    String nickname;

    @Column(length = 320)
    String email;
}
