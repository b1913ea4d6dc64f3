package dev.retort.portable.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A book on a shelf, second version: its page count and its author. */
@Entity
@Table(indexes = @Index(name = "ix_book_title", columnList = "title"))
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 200)
    String title;

    @Column(unique = true, length = 20)
    String isbn;

    Integer pages;

    @ManyToOne(optional = false)
    Shelf shelf;

    @ManyToOne
    Author author;
}
