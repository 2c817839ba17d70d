-- Money corrections with four eyes: a maker proposes, a different operator approves (then it is posted to the
-- ledger, keyed by the proposal's id) or rejects; a proposal not decided before expires_at lapses.
CREATE TABLE admin_adjustment (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        VARCHAR(40)  NOT NULL,
    user_id          VARCHAR(40)  NOT NULL,
    currency         CHAR(3)      NOT NULL,
    amount           BIGINT       NOT NULL,
    direction        VARCHAR(8)   NOT NULL,
    reason           VARCHAR(500) NOT NULL,
    ticket           VARCHAR(64)  NULL,
    maker_id         VARCHAR(40)  NOT NULL,
    idempotency_key  VARCHAR(255) NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    checker_id       VARCHAR(40)  NULL,
    decision_reason  VARCHAR(500) NULL,
    decided_at       DATETIME(6)  NULL,
    transaction_id   VARCHAR(40)  NULL,
    CONSTRAINT admin_adjustment_public UNIQUE (public_id),
    CONSTRAINT admin_adjustment_key UNIQUE (maker_id, idempotency_key),
    CONSTRAINT admin_adjustment_amount CHECK (amount > 0),
    CONSTRAINT admin_adjustment_direction CHECK (direction IN ('CREDIT', 'DEBIT')),
    CONSTRAINT admin_adjustment_status CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
    CONSTRAINT admin_adjustment_four_eyes CHECK (checker_id IS NULL OR checker_id <> maker_id),
    INDEX admin_adjustment_by_status (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The safeguarding account's balance per currency and day, as FINANCE reads it from the bank.
CREATE TABLE admin_safeguarding_figure (
    day          DATE         NOT NULL,
    currency     CHAR(3)      NOT NULL,
    amount       BIGINT       NOT NULL,
    entered_by   VARCHAR(40)  NOT NULL,
    entered_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (day, currency)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
