package dev.retort.rolling;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** An invoice's fields, the same in both versions of the entity, whose table alone is renamed. */
@MappedSuperclass
public abstract class InvoiceFields {

    @Id
    Long id;

    @Column(nullable = false, length = 30)
    String number;

    Integer amount;
}
