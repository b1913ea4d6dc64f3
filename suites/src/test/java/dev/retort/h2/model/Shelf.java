package dev.retort.h2.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A shelf: an identity id and a unique label. Named in mixed case, as Hibernate's default naming leaves it. */
@Entity
public class Shelf {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 80)
    String label;

    @Column(length = 500)
    String description;
}
