package matrix.fidelity;

import jakarta.persistence.*;

@Entity
public class Product {
    @Id Long id;
    String name;
    Money cost;
}
