package matrix.fidelity;

import java.math.BigDecimal;

/** Not an embeddable, not serializable: without its converter Hibernate has no column type for it. */
public record Money(BigDecimal amount) {
}
