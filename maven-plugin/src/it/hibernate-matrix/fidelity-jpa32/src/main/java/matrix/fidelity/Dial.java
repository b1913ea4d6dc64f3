package matrix.fidelity;

import jakarta.persistence.*;

/** Table options Retort does not model: the migration that creates the table says so. */
@Entity
@Table(name = "dial", options = "with (fillfactor = 70)")
public class Dial {
    @Id Long id;
}
