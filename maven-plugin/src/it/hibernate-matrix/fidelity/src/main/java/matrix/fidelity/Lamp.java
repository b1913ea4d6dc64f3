package matrix.fidelity;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("-1622886005")
public class Lamp extends Fixture {
    int watts;
}
