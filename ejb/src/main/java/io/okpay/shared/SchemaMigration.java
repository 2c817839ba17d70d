package io.okpay.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else touches the database, then checks the JPA mapping against it.
 * Payara builds the persistence unit at deploy time, before any start-up bean, so Hibernate itself must not validate
 * (on a fresh database it would fail): it runs with hbm2ddl none and this bean validates after Flyway.
 * The datasource is defined here so its URL and credentials come from MicroProfile Config (DB_URL, DB_USER, DB_PASSWORD).
 * <p>
 * With {@code db.migration.user} (DB_MIGRATION_USER) set, Flyway connects as that account, the schema's owner, and the
 * datasource's account needs no more than reading and writing rows: it cannot drop or change the audit log's
 * append-only triggers. Without it the datasource's account migrates (the run command, simple installs).
 */
@DataSourceDefinition(
        name = SchemaMigration.DATASOURCE,
        className = "${MPCONFIG=db.datasource}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    public static final String DATASOURCE = "java:app/jdbc/okpay";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @PersistenceUnit(unitName = "okpay")
    EntityManagerFactory entityManagerFactory;

    @Inject
    @ConfigProperty(name = "db.url")
    String url;

    @Inject
    @ConfigProperty(name = "db.migration.user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "db.migration.password")
    Optional<String> migrationPassword;

    private volatile boolean done;

    @PostConstruct
    void migrate() {
        FluentConfiguration flyway = Flyway.configure(SchemaMigration.class.getClassLoader());
        String owner = migrationUser.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (owner == null) {
            flyway.dataSource(dataSource);
        } else {
            flyway.dataSource(url, owner, migrationPassword.orElseThrow(() -> new IllegalStateException(
                    "db.migration.user is set, db.migration.password (DB_MIGRATION_PASSWORD) is missing")));
        }
        var result = flyway
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now" + (owner == null ? "" : " as " + owner) + ")");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        done = true;
    }

    /** True once the schema is migrated and the mapping validated. */
    public boolean isDone() {
        return done;
    }
}
