package dev.retort.spring.boot.autoconfigure;

import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ResourceLoader;

import dev.retort.Callback;
import dev.retort.Retort;
import dev.retort.config.Settings;

/**
 * Migrates the database with Retort at start-up, before JPA starts: every {@code EntityManagerFactory} (and JDBC
 * template) depends on the {@link RetortMigrationInitializer}, so Hibernate's {@code ddl-auto=validate} sees the
 * migrated schema. Active when Retort is on the class path, {@code retort.enabled} is not false, and there is a
 * DataSource or a {@code retort.url}. {@link Callback} beans run at the events they handle, after the callbacks found beside
 * the migrations. With a {@link RetortTenantSchemas} bean, start-up migrates each schema it lists instead.
 * <p>
 * Spring Boot 4 moved its data source and JPA auto-configurations to other packages, so the ordering names the classes
 * of both 3.5 and 4.0; a name that is not on the class path is ignored.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" },
        beforeName = {
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration" })
@ConditionalOnClass(Retort.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
@Conditional(RetortAutoConfiguration.DatabaseCondition.class)
@EnableConfigurationProperties(RetortProperties.class)
public class RetortAutoConfiguration {

    /** The bean every entity manager factory and JDBC template waits for. */
    public static final String INITIALIZER = "retortMigrationInitializer";

    /**
     * The loaded Retort: on {@code retort.url} when set, else on the application's DataSource. Built from the
     * {@code retort.*} properties under core's precedence ({@code RETORT_*} variables win), then the customizers.
     */
    @Bean
    @ConditionalOnMissingBean
    public Retort retort(RetortProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<RetortCustomizer> customizers, ObjectProvider<Callback> callbacks, ResourceLoader resourceLoader) {
        Settings settings = Settings.builder().properties(properties.asSettings()).environment(retortVariables(System.getenv())).build();
        Retort.Builder builder = Retort.configure().settings(settings).classLoader(resourceLoader.getClassLoader())
                .listener(new SpringLoggingListener());
        if (!properties.hasOwnDatabase()) {
            builder.dataSource(dataSource.getObject());
        }
        // Callback beans run after those found beside the migrations, in @Order order.
        callbacks.orderedStream().forEach(builder::callback);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.load();
    }

    /** Runs the strategy (by default an upgrade to {@code retort.target}) when the context creates it. */
    @Bean(name = INITIALIZER)
    @ConditionalOnMissingBean
    public RetortMigrationInitializer retortMigrationInitializer(Retort retort, RetortProperties properties,
            ObjectProvider<RetortMigrationStrategy> strategy, ObjectProvider<RetortTenantSchemas> tenants, ResourceLoader resourceLoader) {
        // With tenant schemas, start-up migrates each of them instead of the default schema.
        RetortTenantSchemas schemas = tenants.getIfAvailable();
        return new RetortMigrationInitializer(retort, properties.getTarget(), strategy.getIfAvailable(() -> schemas == null
                ? RetortMigrationStrategy.upgrade() : new TenantMigration(schemas, resourceLoader.getClassLoader())));
    }

    /**
     * With {@code retort.register-instance=true} (an application deployed rolling): registers this instance with the head
     * it was built with once it has migrated, refreshed while it runs and removed when the context closes, so
     * {@code release} holds a contract revision while an instance older than its expand runs.
     */
    @Bean
    @ConditionalOnProperty(prefix = "retort", name = "register-instance", havingValue = "true")
    public dev.retort.RunningInstance retortRunningInstance(Retort retort, RetortMigrationInitializer initializer) {
        return retort.registerInstance();
    }

    /** Makes entity manager factories and JDBC templates depend on {@link #INITIALIZER}, whichever Boot defined them. */
    @Bean
    public static MigrationFirstPostProcessor retortMigrationFirstPostProcessor() {
        return new MigrationFirstPostProcessor(INITIALIZER);
    }

    /** Keeps the initializer eager under {@code spring.main.lazy-initialization}: the migration still runs at start-up. */
    @Bean
    public static LazyInitializationExcludeFilter retortLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(RetortMigrationInitializer.class);
    }

    /**
     * Only the environment variables of core's configuration ({@code RETORT_*}): {@code DATABASE_URL} must not take
     * Retort to another database than the application's DataSource.
     */
    static Map<String, String> retortVariables(Map<String, String> environment) {
        return environment.entrySet().stream().filter(e -> e.getKey().startsWith("RETORT_"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A DataSource bean or a database of Retort's own. */
    static final class DatabaseCondition extends AnyNestedCondition {

        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "retort", name = "url")
        static final class OwnUrl {
        }
    }
}
