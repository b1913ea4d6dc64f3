package matrix.fidelity;

import jakarta.persistence.*;

/** JPA 3.2 options (Hibernate 7): a column's check and a sequence's cache are applied. */
@Entity
public class Gauge {
    @Id @GeneratedValue(generator = "gauge_seq") @SequenceGenerator(name = "gauge_seq", sequenceName = "gauge_seq", allocationSize = 5, options = "cache 5")
    Long id;
    @Column(options = "check (level >= 0)") int level;
}
