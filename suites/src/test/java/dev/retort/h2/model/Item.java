package dev.retort.h2.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An item on a shelf: the column types an ordinary application maps, an index, and ids from a sequence. */
@Entity
@Table(name = "stock_item", indexes = @Index(name = "ix_item_code", columnList = "code"))
public class Item {

    /** The state of an item, stored by name. */
    public enum State { NEW, USED, LOST }

    /** How it is kept, stored by position. */
    public enum Care { DRY, COOL, FROZEN }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_ids")
    @SequenceGenerator(name = "item_ids", sequenceName = "item_seq", allocationSize = 20)
    Long id;

    @Column(nullable = false, length = 40)
    String code;

    String name;

    @Column(precision = 10, scale = 2)
    BigDecimal price;

    int quantity;

    boolean active;

    double weight;

    Instant createdAt;

    LocalDateTime checkedAt;

    LocalDate bestBefore;

    UUID externalId;

    @Enumerated(EnumType.STRING)
    State state;

    @Enumerated(EnumType.ORDINAL)
    Care care;

    @Lob
    String notes;

    byte[] picture;

    @ManyToOne(optional = false)
    Shelf shelf;
}
