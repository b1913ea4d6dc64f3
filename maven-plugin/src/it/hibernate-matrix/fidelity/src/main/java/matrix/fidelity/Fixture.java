package matrix.fidelity;

import jakarta.persistence.*;
import jakarta.validation.constraints.Min;

import org.hibernate.annotations.ColumnDefault;

@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "type", discriminatorType = DiscriminatorType.INTEGER)
@DiscriminatorValue("8")
public class Fixture {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @ColumnDefault("-1") Integer floor;
    @Min(-3) Integer floorNumber;
}
