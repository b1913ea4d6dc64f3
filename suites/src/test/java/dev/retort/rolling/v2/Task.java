package dev.retort.rolling.v2;

import org.hibernate.annotations.ColumnDefault;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A task, second version: its status required, 'open' by default, and its owner required. */
@Entity
public class Task {

    @Id
    Long id;

    @Column(nullable = false, length = 20)
    @ColumnDefault("'open'")
    String status;

    @Column(nullable = false, length = 40)
    String owner;
}
