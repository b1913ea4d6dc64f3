package dev.retort.rolling.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A task, first version: its status and its owner optional. */
@Entity
public class Task {

    @Id
    Long id;

    @Column(length = 20)
    String status;

    @Column(length = 40)
    String owner;
}
