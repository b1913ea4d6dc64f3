package dev.retort.rolling.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An item, first version: a long code, a quantity in an int, a reference held as text, a short label. */
@Entity
public class Item {

    @Id
    Long id;

    @Column(nullable = false, length = 100)
    String code;

    Integer quantity;

    @Column(columnDefinition = "text")
    String reference;

    @Column(length = 40)
    String label;
}
