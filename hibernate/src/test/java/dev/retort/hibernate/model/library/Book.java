package dev.retort.hibernate.model.library;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "book", uniqueConstraints = @UniqueConstraint(name = "uq_book_isbn", columnNames = "isbn"),
        check = @CheckConstraint(constraint = "price >= 0"))
public class Book {
    @Id
    UUID id;

    @Column(nullable = false)
    String title;

    @Column(length = 13)
    String isbn;

    @Column(precision = 10, scale = 2)
    @ColumnDefault("0")
    BigDecimal price;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    Status status;

    @Enumerated(EnumType.ORDINAL)
    Status previousStatus;

    LocalDate published;

    Instant updatedAt;

    @Version
    int version;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> attributes;

    @Lob
    byte[] cover;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", foreignKey = @ForeignKey(name = "fk_book_author"))
    Author author;

    @ManyToMany
    @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"), inverseJoinColumns = @JoinColumn(name = "tag_id"))
    Set<Tag> tags;

    @ElementCollection
    @CollectionTable(name = "book_keyword", joinColumns = @JoinColumn(name = "book_id"))
    @Column(name = "keyword", length = 50)
    Set<String> keywords;
}
