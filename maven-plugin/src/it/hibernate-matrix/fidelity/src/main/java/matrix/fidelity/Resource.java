package matrix.fidelity;

import jakarta.persistence.*;

import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

@Entity
public class Resource {
    @Id @GeneratedValue(generator = "seq_resource_id")
    @GenericGenerator(name = "seq_resource_id", type = FhirIds.class, parameters = @Parameter(name = "sequence", value = "seq_resource_id"))
    Long id;
    String name;
}
