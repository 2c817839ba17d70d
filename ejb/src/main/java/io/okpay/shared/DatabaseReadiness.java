package io.okpay.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when the schema is migrated and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    SchemaMigration schemaMigration;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!schemaMigration.isDone()) {
            return response.down().withData("schema", "not migrated").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? response.up().build() : response.down().build();
        } catch (SQLException e) {
            // The reason goes to the operator's log, not to whoever can reach /health.
            java.util.logging.Logger.getLogger(DatabaseReadiness.class.getName()).warning("Database not reachable: " + e.getMessage());
            return response.down().build();
        }
    }
}
