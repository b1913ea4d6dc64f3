package dev.retort.spring.boot.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.retort.Retort;
import dev.retort.RetortException;
import dev.retort.fleet.FleetCommand;
import dev.retort.fleet.FleetListener;
import dev.retort.fleet.FleetProgress;
import dev.retort.fleet.FleetReport;
import dev.retort.fleet.FleetRunner;
import dev.retort.fleet.Target;
import dev.retort.fleet.TargetResult;

/**
 * The start-up strategy of a schema-per-tenant application: every schema {@link RetortTenantSchemas} lists, upgraded to
 * head as a fleet on the application's data source; start-up fails if any failed, naming them.
 */
final class TenantMigration implements RetortMigrationStrategy {

    private static final Log LOG = LogFactory.getLog("dev.retort");

    private final RetortTenantSchemas tenants;
    private final ClassLoader classLoader;

    TenantMigration(RetortTenantSchemas tenants, ClassLoader classLoader) {
        this.tenants = tenants;
        this.classLoader = classLoader;
    }

    @Override
    public void migrate(Retort retort, String target) {
        if (!"head".equals(target)) {
            throw new RetortException("retort.target is " + target + ", but tenant schemas are upgraded to head; leave retort.target out.");
        }
        List<Target> schemas = tenants.schemas().stream().map(Target::schema).toList();
        FleetReport report = FleetRunner.configure().settings(retort.settings()).dataSource(retort.dataSource()).classLoader(classLoader)
                .environment(System.getenv()).targets(schemas).listener(new Logging()).build().run(FleetCommand.UPGRADE);
        report.lines().forEach(LOG::info);
        if (!report.succeeded()) {
            throw new RetortException("Migrating the tenant schemas failed for " + report.failed().size() + " of " + schemas.size() + ": "
                    + report.failed().stream().map(r -> r.target().name() + " (" + r.message() + ")").collect(Collectors.joining("; ")));
        }
    }

    /** Progress into the application's log. */
    private static final class Logging implements FleetListener {
        @Override
        public void targetFinished(TargetResult result) {
            LOG.debug(result.target().name() + ": " + result.outcome().label());
        }

        @Override
        public void progress(FleetProgress progress) {
            LOG.info(progress.line());
        }
    }
}
