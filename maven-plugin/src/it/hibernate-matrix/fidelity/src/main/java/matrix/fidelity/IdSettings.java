package matrix.fidelity;

/** A service the application registers on its own registry builder, which the id generator needs. */
public interface IdSettings extends org.hibernate.service.Service {
    int start();
}
