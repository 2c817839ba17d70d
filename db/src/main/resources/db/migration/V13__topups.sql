-- Top-ups: one row per attempt to put money into a wallet, by card or by e-money voucher. The row is written before
-- the card processor is called, so an attempt whose outcome is unknown (a timeout) is never forgotten: the
-- reconciliation job finds it and settles it. Card data kept: processor token, brand, last four digits, expiry only.
CREATE TABLE topup (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        VARCHAR(32)   NOT NULL,
    user_id          VARCHAR(64)   NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    method           VARCHAR(16)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    currency         CHAR(3)       NOT NULL,
    amount           BIGINT        NOT NULL,
    fee              BIGINT        NOT NULL,
    card_token       VARCHAR(128)  NULL,
    card_brand       VARCHAR(16)   NULL,
    card_last4       CHAR(4)       NULL,
    card_exp_month   INT           NULL,
    card_exp_year    INT           NULL,
    authorisation_id VARCHAR(64)   NULL,
    voucher_id       BIGINT        NULL,
    failure_code     VARCHAR(64)   NULL,
    transaction_id   VARCHAR(32)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    CONSTRAINT topup_public_id UNIQUE (public_id),
    CONSTRAINT topup_idempotency UNIQUE (user_id, idempotency_key),
    CONSTRAINT topup_method CHECK (method IN ('CARD', 'BANK_TRANSFER', 'VOUCHER')),
    CONSTRAINT topup_status CHECK (status IN ('PROCESSING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT topup_amounts CHECK (amount > 0 AND fee >= 0),
    INDEX topup_unsettled (status, updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- E-money vouchers: issued in batches by operators; the code itself is shown once and only its SHA-256 is kept.
CREATE TABLE voucher (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    batch_id     VARCHAR(32)   NOT NULL,
    code_hash    CHAR(64)      NOT NULL,
    code_last4   CHAR(4)       NOT NULL,
    currency     CHAR(3)       NOT NULL,
    amount       BIGINT        NOT NULL,
    expires_at   DATETIME(6)   NOT NULL,
    issued_by    VARCHAR(64)   NOT NULL,
    issued_at    DATETIME(6)   NOT NULL,
    redeemed_by  VARCHAR(64)   NULL,
    redeemed_at  DATETIME(6)   NULL,
    CONSTRAINT voucher_code UNIQUE (code_hash),
    CONSTRAINT voucher_amount CHECK (amount > 0),
    INDEX voucher_batch (batch_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
