-- Payouts: withdrawals from a person's wallet or a merchant's account to a bank account. The money is held in the
-- ledger (hold_id) from the request until an operator marks the payout paid (the hold is posted into PAYOUT_CLEARING)
-- or failed (the hold is voided). The IBAN is personal data: sealed with the master key (AES-GCM, iban_sealed), only
-- its last four characters readable for display.
CREATE TABLE payout_batch (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)   NOT NULL,
    created_by      VARCHAR(40)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    payouts         INT           NOT NULL,
    CONSTRAINT payout_batch_public_id UNIQUE (public_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE payout (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id              VARCHAR(40)   NOT NULL,
    owner_type             VARCHAR(16)   NOT NULL,
    owner_id               VARCHAR(40)   NOT NULL,
    amount                 BIGINT        NOT NULL,
    fee                    BIGINT        NOT NULL,
    currency               CHAR(3)       NOT NULL,
    iban_sealed            VARCHAR(255)  NOT NULL,
    iban_last4             CHAR(4)       NOT NULL,
    account_holder         VARCHAR(70)   NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    idempotency_key        VARCHAR(255)  NOT NULL,
    hold_id                VARCHAR(40)   NULL,
    hold_expires_at        DATETIME(6)   NOT NULL,
    batch_id               BIGINT        NULL,
    settled_transaction_id VARCHAR(40)   NULL,
    failure_reason         VARCHAR(140)  NULL,
    decided_by             VARCHAR(40)   NULL,
    created_at             DATETIME(6)   NOT NULL,
    exported_at            DATETIME(6)   NULL,
    settled_at             DATETIME(6)   NULL,
    CONSTRAINT payout_public_id UNIQUE (public_id),
    CONSTRAINT payout_owner_key UNIQUE (owner_type, owner_id, idempotency_key),
    CONSTRAINT payout_amount_positive CHECK (amount > 0),
    CONSTRAINT payout_fee_not_negative CHECK (fee >= 0),
    CONSTRAINT payout_batch_fk FOREIGN KEY (batch_id) REFERENCES payout_batch (id),
    INDEX payout_owner (owner_type, owner_id, id),
    INDEX payout_status (status, id),
    INDEX payout_batch (batch_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
