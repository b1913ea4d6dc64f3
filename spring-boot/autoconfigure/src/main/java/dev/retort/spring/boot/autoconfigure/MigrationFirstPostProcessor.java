package dev.retort.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Adds the migration initializer to the {@code dependsOn} of every bean that reads the schema when it starts: entity
 * manager factories (Hibernate validates there) and JDBC templates. It looks them up by type, through class names, so
 * it works whichever Spring Boot version (and package) defined them and whether or not JPA is on the class path.
 */
public final class MigrationFirstPostProcessor implements BeanFactoryPostProcessor, Ordered {

    /** The types whose beans wait for the migration; those not on the class path are skipped. */
    static final List<String> DEPENDENT_TYPES = List.of(
            "jakarta.persistence.EntityManagerFactory",
            "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

    private final String initializer;

    MigrationFirstPostProcessor(String initializer) {
        this.initializer = initializer;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ClassLoader loader = beanFactory.getBeanClassLoader();
        Set<String> names = new LinkedHashSet<>();
        for (String type : DEPENDENT_TYPES) {
            if (ClassUtils.isPresent(type, loader)) {
                Class<?> cls = ClassUtils.resolveClassName(type, loader);
                names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(cls, true, false)));
            }
        }
        for (String name : names) {
            String beanName = name.startsWith("&") ? name.substring(1) : name;
            if (beanName.equals(initializer) || !beanFactory.containsBeanDefinition(beanName)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
            List<String> dependsOn = new ArrayList<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
            }
            if (!dependsOn.contains(initializer)) {
                dependsOn.add(initializer);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
