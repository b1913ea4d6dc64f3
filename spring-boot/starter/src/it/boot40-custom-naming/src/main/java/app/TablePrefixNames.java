package app;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/** Boot's snake case, with every table prefixed {@code t_}. */
public class TablePrefixNames extends PhysicalNamingStrategySnakeCaseImpl {

    @Override
    public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment jdbc) {
        return Identifier.toIdentifier("t_" + super.toPhysicalTableName(name, jdbc).getText());
    }
}
