package matrix.fidelity;

import java.util.Properties;

import org.hibernate.MappingException;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.Type;

/** An id generator that needs the application's IdSettings service to learn where its sequence starts. */
public class FhirIds implements IdentifierGenerator {
    private String sequence;
    private int start;

    @Override
    public void configure(Type type, Properties parameters, ServiceRegistry registry) {
        IdSettings settings;
        try {
            settings = registry.getService(IdSettings.class);
        } catch (RuntimeException unknown) {
            settings = null;
        }
        if (settings == null) {
            throw new MappingException("the IdSettings service is not registered");
        }
        sequence = parameters.getProperty("sequence");
        start = settings.start();
    }

    @Override
    public void registerExportables(Database database) {
        var namespace = database.getDefaultNamespace();
        Identifier name = Identifier.toIdentifier(sequence);
        if (namespace.locateSequence(name) == null) {
            namespace.createSequence(name, n -> new Sequence(null, null, null, n, start, 50));
        }
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner) {
        throw new UnsupportedOperationException("the schema is all this model is for");
    }
}
