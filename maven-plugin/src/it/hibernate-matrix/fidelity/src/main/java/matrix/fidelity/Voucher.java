package matrix.fidelity;

import jakarta.persistence.*;

import org.hibernate.annotations.Check;

@Entity
@Check(name = "voucher_code_check", constraints = "code > 0")
public class Voucher {
    @Id Long id;
    int code;
}
