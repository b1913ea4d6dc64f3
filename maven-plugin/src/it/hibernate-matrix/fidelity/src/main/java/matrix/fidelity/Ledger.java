package matrix.fidelity;

import jakarta.persistence.*;

/** No schema of its own: it lands in hibernate.default_schema, with its sequence. */
@Entity
public class Ledger {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
    String name;
}
