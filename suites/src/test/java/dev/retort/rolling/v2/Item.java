package dev.retort.rolling.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An item, second version: the code narrowed, the quantity a bigint, the reference an integer, the label longer. */
@Entity
public class Item {

    @Id
    Long id;

    @Column(nullable = false, length = 50)
    String code;

    Long quantity;

    Integer reference;

    @Column(length = 80)
    String label;
}
