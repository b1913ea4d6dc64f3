package matrix.model;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

@Embeddable
public class Address {
    @Size(max = 100) String street;
    String city;
}
