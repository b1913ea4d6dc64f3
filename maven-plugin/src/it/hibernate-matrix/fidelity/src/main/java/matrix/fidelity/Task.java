package matrix.fidelity;

import jakarta.persistence.*;

@Entity
public class Task {
    @Id Long id;
    String title;
}
