package matrix.model;

import jakarta.persistence.*;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_tag_label", columnNames = "label"))
public class Tag {
    @Id @GeneratedValue Long id;
    @Column(length = 40) String label;
}
