package io.okpay.bench;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database's share of an OKPay transfer: the statements that one P2P transfer's posting executes (Transfers.send,
 * Ledger.post, Journal.post with the limits' RiskGuard), on OKPay's own schema, without the app server. The schema is
 * built by OKPay's own Flyway migrations in a schema of its own ({@code okpay_bench_samework}, dropped and migrated
 * again for each scenario, so OKPay's ledger is never touched and hot does not start with uniform's rows). Per
 * transfer, one transaction at the server's default isolation (OKPay's datasource sets none), in Hibernate's order:
 * <ol>
 * <li>the guard, before the lock: the limits' counter, one conditional UPDATE of the sender's risk_usage row (made at
 *     set-up, as the warm-up's first transfer makes it; limits so high that it always fits) that also checks the
 *     sender's freeze and self-lock (risk_account_lock, no row);</li>
 * <li>both wallets, every column, with one SELECT ... FOR UPDATE in ascending id order;</li>
 * <li>ids from OKPay's sequences, pooled by 50 as its entities' generators take them (one round trip per 50 ids,
 *     shared by all threads as by one server);</li>
 * <li>the flush: inserts grouped by table and batched (order_inserts, batch_size 50): the journal transaction
 *     (unique idempotency scope and key, unique public id), its two entries (unique account position), the two receipt
 *     mails into the outbox, the transfer row (unique per sender and key, per transaction); then both wallets' rows
 *     updated with every column (the entity has no dynamic update), batched;</li>
 * <li>the commit.</li>
 * </ol>
 * Left to the app's share: the reads Transfers.send makes before the posting (the people, an earlier transfer under the
 * key, the risk assessment, the wallets' ids), the request's fingerprint, HTTP, JSON, tokens and the mail delivery.
 */
public final class SameWorkBaseline {

    private static final String SCHEMA = "okpay_bench_samework";
    private static final long OPENING_BALANCE = 1_000_000_000L;
    /** Far above any run's counters: the guard costs its statements here, never a refusal. */
    private static final long NO_LIMIT = 1_000_000_000_000L;
    /** OKPay's sequences' INCREMENT BY and its entities' allocationSize. */
    private static final int ALLOCATION = 50;
    /**
     * Flyway's logger, kept (java.util.logging holds loggers weakly) at WARNING: at INFO it writes some 90 lines per
     * scenario, one per migration; the version reached is said in one line.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    /** UsageCounters.addWithin as Hibernate sends it: one JDBC parameter per occurrence of its numbered ones. */
    private static final String COUNT = "UPDATE risk_usage SET "
            + "hour_count = IF(hour_start = ?, hour_count, 0) + 1, hour_start = ?, "
            + "day_used = IF(day_start = ?, day_used, 0) + ?, day_start = ?, "
            + "month_used = IF(month_start = ?, month_used, 0) + ?, month_start = ? "
            + "WHERE owner_id = ? AND kind = ? AND ? <= ? "
            + "AND IF(hour_start = ?, hour_count, 0) + 1 <= ? "
            + "AND IF(day_start = ?, day_used, 0) + ? <= ? "
            + "AND IF(month_start = ?, month_used, 0) + ? <= ? "
            + "AND NOT EXISTS (SELECT 1 FROM risk_account_lock l WHERE l.user_id = ? AND (l.frozen_at IS NOT NULL "
            + "OR (l.self_locked_at IS NOT NULL AND (l.unlock_at IS NULL OR l.unlock_at > ?))))";
    private static final String LOCK = "SELECT id, balance, created_at, currency, entry_count, held, no_negative, "
            + "owner_id, owner_type, purpose, status, type FROM ledger_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
    private static final String INSERT_TRANSACTION = "INSERT INTO ledger_transaction (code, created_at, external_ref, "
            + "idempotency_key, idempotency_scope, kind, memo, public_id, related_id, relation, request_hash, "
            + "reverses_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ENTRY = "INSERT INTO ledger_entry (account_id, account_seq, amount, "
            + "balance_after, created_at, currency, transaction_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OUTBOX = "INSERT INTO outbox_event (attempts, created_at, delivered_at, "
            + "last_error, locked_until, next_attempt_at, payload, priority, status, type, id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TRANSFER = "INSERT INTO transfer (amount, claim_until, created_at, currency, "
            + "idempotency_key, note, public_id, recipient_email, recipient_id, sender_id, settled_at, "
            + "settled_transaction_id, status, transaction_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_ACCOUNT = "UPDATE ledger_account SET balance = ?, created_at = ?, currency = ?, "
            + "entry_count = ?, held = ?, no_negative = ?, owner_id = ?, owner_type = ?, purpose = ?, status = ?, "
            + "type = ? WHERE id = ?";

    private final Options options;
    /** Made again with the schema, whose sequences start again at 1. */
    private PooledIds transactionIds;
    private PooledIds entryIds;
    private PooledIds outboxIds;
    private PooledIds transferIds;
    /** Per user (index as in the scenarios): the wallet's id and the owner's public id. */
    private long[] wallets;
    private String[] owners;

    public SameWorkBaseline(Options options) {
        this.options = options;
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    public RunResult run(Options.Scenario scenario) throws Exception {
        setUp();
        RunResult result = JdbcPhase.run("jdbc same-work " + scenario.name().toLowerCase(), options, scenario,
                Posting::new);
        check(result.succeeded());
        return result;
    }

    /** A fresh schema at OKPay's current version, one active USER wallet per user with the opening balance. */
    private void setUp() throws SQLException {
        try (Connection c = JdbcPhase.connect(options); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
        var migrated = Flyway.configure(SameWorkBaseline.class.getClassLoader())
                .dataSource(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword())
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        ApiBenchmark.say("same-work schema " + SCHEMA + " migrated to version " + migrated.targetSchemaVersion);
        PooledIds accountIds = new PooledIds("ledger_account_seq");
        transactionIds = new PooledIds("ledger_transaction_seq");
        entryIds = new PooledIds("ledger_entry_seq");
        outboxIds = new PooledIds("outbox_event_seq");
        transferIds = new PooledIds("transfer_seq");
        Instant now = Instant.now();
        Windows windows = Windows.of(now);
        wallets = new long[options.users()];
        owners = new String[options.users()];
        try (Connection c = JdbcPhase.connect(options)) {
            c.setCatalog(SCHEMA);
            try (PreparedStatement account = c.prepareStatement("INSERT INTO ledger_account (id, owner_type, owner_id, "
                    + "purpose, currency, type, status, no_negative, balance, held, entry_count, created_at) "
                    + "VALUES (?, 'USER', ?, 'WALLET', ?, 'LIABILITY', 'ACTIVE', TRUE, ?, 0, 0, ?)");
                 PreparedStatement usage = c.prepareStatement("INSERT INTO risk_usage (owner_id, kind, hour_start, "
                         + "hour_count, day_start, day_used, month_start, month_used) VALUES (?, 'send', ?, 0, ?, 0, ?, 0)")) {
                for (int i = 0; i < options.users(); i++) {
                    wallets[i] = accountIds.next(c);
                    owners[i] = publicId("usr");
                    bind(account, wallets[i], owners[i], options.currency(), OPENING_BALANCE, now);
                    account.addBatch();
                    bind(usage, owners[i], windows.hour, windows.day, windows.month);
                    usage.addBatch();
                }
                account.executeBatch();
                usage.executeBatch();
            }
        }
    }

    /** Money conserved, and every committed transfer left its row, its journal transaction and two entries. */
    private void check(long succeeded) throws SQLException {
        try (Connection c = JdbcPhase.connect(options); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT SUM(balance) FROM " + SCHEMA + ".ledger_account), "
                     + "(SELECT COUNT(*) FROM " + SCHEMA + ".transfer), (SELECT COUNT(*) FROM " + SCHEMA
                     + ".ledger_transaction), (SELECT COUNT(*) FROM " + SCHEMA + ".ledger_entry)")) {
            rs.next();
            long expected = OPENING_BALANCE * options.users();
            if (rs.getLong(1) != expected) {
                throw new IllegalStateException("same-work baseline lost money: " + rs.getLong(1) + " != " + expected);
            }
            if (rs.getLong(2) != succeeded || rs.getLong(3) != succeeded || rs.getLong(4) != 2 * succeeded) {
                throw new IllegalStateException("same-work baseline: " + succeeded + " transfers committed, but "
                        + rs.getLong(2) + " transfer rows, " + rs.getLong(3) + " journal transactions, "
                        + rs.getLong(4) + " entries");
            }
            ApiBenchmark.say("same-work: money conserved (" + expected + " minor units in the wallets before and after), "
                    + succeeded + " transfers committed, as many transfer rows and journal transactions, twice as many "
                    + "entries");
        }
    }

    /** One connection's prepared statements, and one transfer's statements in OKPay's order. */
    private final class Posting implements JdbcPhase.Mover {
        private final Connection c;
        private final PreparedStatement count;
        private final PreparedStatement lock;
        private final PreparedStatement insertTransaction;
        private final PreparedStatement insertEntry;
        private final PreparedStatement insertOutbox;
        private final PreparedStatement insertTransfer;
        private final PreparedStatement updateAccount;

        Posting(Connection c) throws SQLException {
            this.c = c;
            c.setCatalog(SCHEMA);
            c.setAutoCommit(false);
            count = c.prepareStatement(COUNT);
            lock = c.prepareStatement(LOCK);
            insertTransaction = c.prepareStatement(INSERT_TRANSACTION);
            insertEntry = c.prepareStatement(INSERT_ENTRY);
            insertOutbox = c.prepareStatement(INSERT_OUTBOX);
            insertTransfer = c.prepareStatement(INSERT_TRANSFER);
            updateAccount = c.prepareStatement(UPDATE_ACCOUNT);
        }

        @Override
        public void move(int from, int to, long amount) throws SQLException {
            String sender = owners[from];
            String key = UUID.randomUUID().toString();
            Instant now = Instant.now();
            Windows w = Windows.of(now);
            bind(count, w.hour, w.hour, w.day, amount, w.day, w.month, amount, w.month, sender, "send", amount,
                    NO_LIMIT, w.hour, NO_LIMIT, w.day, amount, NO_LIMIT, w.month, amount, NO_LIMIT, sender,
                    now);
            if (count.executeUpdate() != 1) {
                throw new IllegalStateException("no risk_usage row for " + sender + ", a freeze, or a limit refused");
            }
            long debit = wallets[from];
            long credit = wallets[to];
            Map<Long, Object[]> accounts = new HashMap<>();
            bind(lock, Math.min(debit, credit), Math.max(debit, credit));
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[12];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    accounts.put(rs.getLong(1), row);
                }
            }
            // Opened once the accounts are locked, as Journal.open: an account's history never goes back in time.
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            long transactionId = transactionIds.next(c);
            String transactionPublicId = publicId("txn");
            // A wallet is a liability: a debit (positive) lowers its balance, a credit (negative) raises it.
            long[][] lines = {{debit, amount}, {credit, -amount}};
            long[] entries = new long[lines.length];
            for (int i = 0; i < lines.length; i++) {
                Object[] row = accounts.get(lines[i][0]);
                row[1] = ((Number) row[1]).longValue() - lines[i][1];
                row[4] = ((Number) row[4]).longValue() + 1;
                entries[i] = entryIds.next(c);
            }
            if (((Number) accounts.get(debit)[1]).longValue() - ((Number) accounts.get(debit)[5]).longValue() < 0) {
                c.rollback();
                throw new SQLException("insufficient funds", "22003", 1);
            }
            long[] mails = {outboxIds.next(c), outboxIds.next(c)};
            long transferId = transferIds.next(c);

            bind(insertTransaction, "p2p_transfer", at, null, key, "transfer:" + sender, "POSTING", null,
                    transactionPublicId, null, null, requestHash(), null, transactionId);
            insertTransaction.addBatch();
            insertTransaction.executeBatch();
            for (int i = 0; i < lines.length; i++) {
                Object[] row = accounts.get(lines[i][0]);
                bind(insertEntry, lines[i][0], row[4], lines[i][1], row[1], at, options.currency(), transactionId,
                        entries[i]);
                insertEntry.addBatch();
            }
            insertEntry.executeBatch();
            String recipient = owners[to];
            String[] templates = {"transfer-sent", "transfer-received"};
            for (int i = 0; i < mails.length; i++) {
                bind(insertOutbox, 0, now, null, null, null, now, receipt(i == 0 ? sender : recipient, templates[i],
                        amount), 1, "PENDING", "mail", mails[i]);
                insertOutbox.addBatch();
            }
            insertOutbox.executeBatch();
            bind(insertTransfer, amount, null, at, options.currency(), key, null, publicId("tr"), null, recipient,
                    sender, null, null, "COMPLETED", transactionPublicId, transferId);
            insertTransfer.addBatch();
            insertTransfer.executeBatch();
            // order_updates: the dirty accounts in id order.
            for (long id : new long[]{Math.min(debit, credit), Math.max(debit, credit)}) {
                Object[] row = accounts.get(id);
                bind(updateAccount, row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10],
                        row[11], id);
                updateAccount.addBatch();
            }
            updateAccount.executeBatch();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : List.of(count, lock, insertTransaction, insertEntry, insertOutbox,
                    insertTransfer, updateAccount)) {
                s.close();
            }
        }
    }

    /** A receipt's outbox payload as Mail.payload writes it: address, locale, template, the template's arguments. */
    private static String receipt(String owner, String template, long amount) {
        String email = owner + "@bench.example.com";
        return "{\"to\":\"" + email + "\",\"locale\":\"en-US\",\"template\":\"" + template + "\",\"args\":[\""
                + owner + "\",\"$" + Report.decimal(amount, 2) + "\",\"" + owner + "\",\"" + email
                + "\",\"-\",\"Dec 6, 2026, 11:00 AM\"]}";
    }

    /** Like OKPay's public ids: a prefix and 20 random characters. */
    private static String publicId(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** A SHA-256 in hex is what the column holds; its value matters to no statement here. */
    private static String requestHash() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong());
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, value);
            }
        }
    }

    /** The starts of the limits' windows (LimitPeriod): the hour, the day and the month, in UTC. */
    private record Windows(Instant hour, Instant day, Instant month) {

        static Windows of(Instant now) {
            return new Windows(now.truncatedTo(ChronoUnit.HOURS), now.truncatedTo(ChronoUnit.DAYS),
                    LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /**
     * Ids from one sequence as Hibernate's pooled optimizer hands them out: each value read reserves the
     * {@link #ALLOCATION} ids up to it, so one round trip serves 50 rows; synchronized, as one server's generator.
     */
    private static final class PooledIds {
        private final String sequence;
        private long next = 1;
        private long last;

        PooledIds(String sequence) {
            this.sequence = sequence;
        }

        synchronized long next(Connection c) throws SQLException {
            if (next > last) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
                    rs.next();
                    last = rs.getLong(1);
                    next = Math.max(next, last - ALLOCATION + 1);
                }
            }
            return next++;
        }
    }
}
