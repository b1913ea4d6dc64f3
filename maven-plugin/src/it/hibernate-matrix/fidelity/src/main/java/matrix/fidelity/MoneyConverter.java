package matrix.fidelity;

import java.math.BigDecimal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {
    @Override public BigDecimal convertToDatabaseColumn(Money money) { return money == null ? null : money.amount(); }
    @Override public Money convertToEntityAttribute(BigDecimal amount) { return amount == null ? null : new Money(amount); }
}
