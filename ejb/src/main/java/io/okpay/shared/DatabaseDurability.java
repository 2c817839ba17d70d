package io.okpay.shared;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * At start-up, reads whether MariaDB keeps what it acknowledges: with {@code innodb_flush_log_at_trx_commit} other
 * than 1, or a binary log not synced at every commit ({@code sync_binlog} other than 1), a crash of the database's
 * machine can lose transactions OKPay has already confirmed to people. It says so loudly in the log; it does not refuse
 * to start (a developer's or a test's throw-away database may choose speed).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseDurability {

    private static final Logger LOG = Logger.getLogger(DatabaseDurability.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery(
                     "SELECT @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog")) {
            settings.next();
            List<String> risks = risks(settings.getInt(1), settings.getBoolean(2), settings.getInt(3));
            if (risks.isEmpty()) {
                LOG.info("MariaDB writes every commit to disk before acknowledging it (durable settings).");
            } else {
                LOG.severe("!! MariaDB can lose committed transactions in a crash: " + String.join("; ", risks)
                        + ". Money OKPay confirmed could vanish. Set these in the database's configuration for real money.");
            }
        } catch (SQLException e) {
            LOG.warning("Could not read MariaDB's durability settings: " + e.getMessage());
        }
    }

    /** What in these settings can lose an acknowledged commit, in words for the operator; empty when nothing can. */
    static List<String> risks(int flushLogAtCommit, boolean binaryLog, int syncBinlog) {
        List<String> risks = new ArrayList<>();
        if (flushLogAtCommit != 1) {
            risks.add("innodb_flush_log_at_trx_commit=" + flushLogAtCommit + " (should be 1)");
        }
        if (binaryLog && syncBinlog != 1) {
            risks.add("sync_binlog=" + syncBinlog + " with the binary log on (should be 1)");
        }
        return risks;
    }
}
