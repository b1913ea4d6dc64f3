package matrix.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.*;
import jakarta.validation.constraints.*;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(indexes = @Index(name = "ix_customer_signed_up", columnList = "signedUpOn desc"))
public class Customer {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @NotNull @Size(max = 80) String fullName;
    @Email @Size(max = 320) @Column(unique = true) String email;
    // One check per column: Hibernate joins several on one column in an order that can differ from one JVM to the next.
    @Min(0) Integer age;
    @Max(5) Integer stars;
    @Digits(integer = 8, fraction = 2) BigDecimal balance;
    @Enumerated(EnumType.STRING) Status status;
    @Enumerated Tier tier;
    @JdbcTypeCode(SqlTypes.NAMED_ENUM) Mood mood;
    @Embedded Address address;
    LocalDate signedUpOn;
    Instant lastSeen;
    UUID externalId;
    double score;
    @Version long version;
}
