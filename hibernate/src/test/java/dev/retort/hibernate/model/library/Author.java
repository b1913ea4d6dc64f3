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

import org.hibernate.annotations.Comment;

@Entity
@Table(name = "author", indexes = @Index(name = "ix_author_name", columnList = "name"))
@Comment("people who write books")
public class Author {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 200)
    String name;

    @Column(unique = true, length = 320)
    @Comment("where we write to")
    String email;

    @Embedded
    Address address;

    @OneToMany(mappedBy = "author")
    List<Book> books;
}
