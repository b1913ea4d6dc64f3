package dev.retort.hibernate.model.library;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

@Entity
@Table(name = "author", indexes = @Index(name = "ix_author_name", columnList = "name"), comment = "people who write books")
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 200)
    String name;

    @Column(unique = true, length = 320, comment = "where we write to")
    String email;

    @Embedded
    Address address;

    @OneToMany(mappedBy = "author")
    List<Book> books;
}
