-- Bank transfer top-ups: the person gets a reference code and OKPay's bank details, and the top-up waits (PENDING)
-- until a statement line with that reference arrives, or its expiry passes.
ALTER TABLE topup
    ADD COLUMN reference  VARCHAR(16) NULL,
    ADD COLUMN expires_at DATETIME(6) NULL,
    ADD CONSTRAINT topup_reference UNIQUE (reference);
ALTER TABLE topup DROP CONSTRAINT topup_status;
ALTER TABLE topup ADD CONSTRAINT topup_status
    CHECK (status IN ('PROCESSING', 'REQUIRES_ACTION', 'PENDING', 'SUCCEEDED', 'FAILED'));

-- Every line of every imported bank statement, once: the bank's own entry id is unique, so importing a statement
-- twice credits nothing twice. Credits that match no pending top-up wait in SUSPENSE for an operator.
CREATE TABLE bank_statement_line (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    bank_entry_id  VARCHAR(255)  NOT NULL,
    statement_id   VARCHAR(255)  NULL,
    booking_date   DATE          NOT NULL,
    direction      VARCHAR(8)    NOT NULL,
    currency       CHAR(3)       NOT NULL,
    amount         BIGINT        NOT NULL,
    reference      VARCHAR(500)  NULL,
    counterparty   VARCHAR(255)  NULL,
    status         VARCHAR(16)   NOT NULL,
    topup_id       VARCHAR(32)   NULL,
    transaction_id VARCHAR(32)   NULL,
    imported_by    VARCHAR(64)   NOT NULL,
    imported_at    DATETIME(6)   NOT NULL,
    CONSTRAINT bank_statement_line_entry UNIQUE (bank_entry_id),
    CONSTRAINT bank_statement_line_status CHECK (status IN ('MATCHED', 'SUSPENSE', 'IGNORED')),
    INDEX bank_statement_line_queue (status, imported_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
