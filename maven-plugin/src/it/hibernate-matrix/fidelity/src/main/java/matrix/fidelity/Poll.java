package matrix.fidelity;

import jakarta.persistence.*;

import org.hibernate.annotations.Array;

@Entity
public class Poll {
    @Id Long id;
    String question;
    @Array(length = 3) String[] options;
}
