package matrix.fidelity;

import jakarta.persistence.Embeddable;

import org.hibernate.annotations.Struct;

@Embeddable
@Struct(name = "publisher_type")
public class Publisher {
    String name;
    String city;
}
