package app;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String noteText;

    @Column(nullable = false)
    private Instant createdAt;

    @Embedded
    private PostalAddress postalAddress;

    @ManyToMany
    private Set<NoteTag> noteTags = new HashSet<>();

    @ElementCollection
    private Set<String> reviewerNames = new HashSet<>();

    protected Note() {
    }

    public Note(String noteText, PostalAddress postalAddress, Set<NoteTag> noteTags, Set<String> reviewerNames) {
        this.noteText = noteText;
        this.createdAt = Instant.now();
        this.postalAddress = postalAddress;
        this.noteTags.addAll(noteTags);
        this.reviewerNames.addAll(reviewerNames);
    }

    public PostalAddress getPostalAddress() {
        return postalAddress;
    }
}
