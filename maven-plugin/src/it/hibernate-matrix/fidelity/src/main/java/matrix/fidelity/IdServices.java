package matrix.fidelity;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.service.spi.ServiceContributor;

/** How the application registers IdSettings; Retort is told of it with retort.hibernate.service_contributors. */
public class IdServices implements ServiceContributor {
    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addService(IdSettings.class, () -> 1000);
    }
}
