package matrix.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.*;
import jakarta.validation.constraints.NotBlank;

@Entity
public class Playlist {
    @Id @GeneratedValue Long id;
    @NotBlank String title;
    @ManyToOne(optional = false) @JoinColumn(foreignKey = @ForeignKey(name = "fk_playlist_owner")) Customer owner;
    @ElementCollection @OrderColumn(name = "call_order") List<String> notes = new ArrayList<>();
    @OneToMany(mappedBy = "playlist") @OrderColumn List<Track> tracks = new ArrayList<>();
    @ManyToMany Set<Tag> tags;
}
