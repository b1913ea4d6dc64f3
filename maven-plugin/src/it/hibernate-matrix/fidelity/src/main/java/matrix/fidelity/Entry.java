package matrix.fidelity;

import jakarta.persistence.*;

@Entity
public class Entry {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @ManyToOne Ledger ledger;
}
