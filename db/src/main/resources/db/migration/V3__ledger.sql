-- The double-entry ledger: accounts, journal transactions, their entries (append-only) and two-phase holds.
-- Ids come from sequences with a pooled allocation of 50 (STACK.md fact 15) so Hibernate can batch the inserts.
-- Entry amounts are signed: a debit is positive, a credit negative, so every transaction sums to zero per currency.

CREATE SEQUENCE ledger_account_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ledger_transaction_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ledger_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ledger_account (
    id            BIGINT       NOT NULL PRIMARY KEY,
    owner_type    VARCHAR(16)  NOT NULL,
    -- An opaque public id of the owner (usr_..., mer_...) or 'house'; deliberately no foreign key to identity tables.
    owner_id      VARCHAR(64)  NOT NULL,
    purpose       VARCHAR(32)  NOT NULL,
    currency      CHAR(3)      NOT NULL,
    type          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    no_negative   BOOLEAN      NOT NULL,
    -- In the account's normal direction: credits minus debits for liability, revenue and equity; the reverse otherwise.
    balance       BIGINT       NOT NULL DEFAULT 0,
    -- Reserved by pending holds; available = balance - held.
    held          BIGINT       NOT NULL DEFAULT 0,
    -- Number of entries so far: orders the account's history independent of id allocation across app instances.
    entry_count   BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT ledger_account_owner UNIQUE (owner_type, owner_id, purpose, currency),
    CONSTRAINT ledger_account_currency FOREIGN KEY (currency) REFERENCES currency (code),
    CONSTRAINT ledger_account_held_positive CHECK (held >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ledger_transaction (
    id               BIGINT        NOT NULL PRIMARY KEY,
    public_id        VARCHAR(32)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    code             VARCHAR(64)   NOT NULL,
    idempotency_scope VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    external_ref     VARCHAR(128),
    memo             VARCHAR(255),
    related_id       BIGINT,
    relation         VARCHAR(16),
    -- Set only on reversals, so that a transaction can be reversed at most once.
    reverses_id      BIGINT,
    created_at       DATETIME(6)   NOT NULL,
    CONSTRAINT ledger_transaction_public_id UNIQUE (public_id),
    CONSTRAINT ledger_transaction_idempotency UNIQUE (idempotency_scope, idempotency_key),
    CONSTRAINT ledger_transaction_reverses UNIQUE (reverses_id),
    CONSTRAINT ledger_transaction_related FOREIGN KEY (related_id) REFERENCES ledger_transaction (id),
    INDEX ledger_transaction_external_ref (external_ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ledger_entry (
    id             BIGINT       NOT NULL PRIMARY KEY,
    transaction_id BIGINT       NOT NULL,
    account_id     BIGINT       NOT NULL,
    account_seq    BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    amount         BIGINT       NOT NULL,
    balance_after  BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT ledger_entry_account_seq UNIQUE (account_id, account_seq),
    CONSTRAINT ledger_entry_transaction FOREIGN KEY (transaction_id) REFERENCES ledger_transaction (id),
    CONSTRAINT ledger_entry_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ledger_entry_not_zero CHECK (amount <> 0),
    INDEX ledger_entry_account_time (account_id, created_at, account_seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A pending transfer from one account to another; shares its id with the HOLD journal transaction that opened it.
-- Posting, voiding or expiring it is a new journal transaction (closed_by) and ends the reservation.
CREATE TABLE ledger_hold (
    id                BIGINT       NOT NULL PRIMARY KEY,
    debit_account_id  BIGINT       NOT NULL,
    credit_account_id BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    amount            BIGINT       NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    expires_at        DATETIME(6)  NOT NULL,
    posted_amount     BIGINT,
    closed_by         BIGINT,
    created_at        DATETIME(6)  NOT NULL,
    CONSTRAINT ledger_hold_transaction FOREIGN KEY (id) REFERENCES ledger_transaction (id),
    CONSTRAINT ledger_hold_debit FOREIGN KEY (debit_account_id) REFERENCES ledger_account (id),
    CONSTRAINT ledger_hold_credit FOREIGN KEY (credit_account_id) REFERENCES ledger_account (id),
    CONSTRAINT ledger_hold_closed_by FOREIGN KEY (closed_by) REFERENCES ledger_transaction (id),
    CONSTRAINT ledger_hold_amount_positive CHECK (amount > 0),
    INDEX ledger_hold_due (state, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
