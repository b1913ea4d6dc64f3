package matrix.fidelity;

import jakarta.persistence.*;

import org.hibernate.annotations.GenericGenerator;
import org.hibernate.annotations.Parameter;

@Entity
public class Label {
    @Id @GeneratedValue(generator = "seq_label_id")
    @GenericGenerator(name = "seq_label_id", type = FhirIds.class, parameters = @Parameter(name = "sequence", value = "seq_label_id"))
    Long id;
    String text;
}
