package matrix.model;

import java.time.Duration;

import jakarta.persistence.*;

@Entity
public class Track {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) @SequenceGenerator(name = "track_seq", allocationSize = 10) Long id;
    @ManyToOne(fetch = FetchType.LAZY) Playlist playlist;
    @Column(length = 200, nullable = false) String title;
    Duration length;
}
