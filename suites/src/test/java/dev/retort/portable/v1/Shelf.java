package dev.retort.portable.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A shelf, first version: every neutral kind of column a self-hosted application's entities have. */
@Entity
public class Shelf {

    /** What a shelf holds. */
    public enum Kind { BOOKS, RECORDS, GAMES }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    Instant createdAt;

    LocalDate openedOn;

    boolean active;

    @Column(precision = 10, scale = 2)
    BigDecimal price;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    Kind kind;

    UUID reference;

    @JdbcTypeCode(SqlTypes.JSON)
    String settings;

    /** Long text, portable: a {@code @Lob} String is {@code oid} under Hibernate on PostgreSQL and {@code clob} on H2. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    String notes;
}
