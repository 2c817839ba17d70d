-- Person-to-person transfers. The money itself moves in the ledger (one journal transaction, transaction_id); this row
-- is what the sender and the recipient see: who, how much, the note. It is written right after the posting and is
-- unique per posting, so a replay of the same Idempotency-Key finds (or, after a crash in between, writes) the same row.
CREATE TABLE transfer (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)   NOT NULL,
    sender_id       VARCHAR(40)   NOT NULL,
    recipient_id    VARCHAR(40)   NOT NULL,
    amount          BIGINT        NOT NULL,
    currency        CHAR(3)       NOT NULL,
    note            VARCHAR(140)  NULL,
    status          VARCHAR(16)   NOT NULL,
    transaction_id  VARCHAR(40)   NOT NULL,
    idempotency_key VARCHAR(255)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT transfer_public_id UNIQUE (public_id),
    CONSTRAINT transfer_transaction UNIQUE (transaction_id),
    CONSTRAINT transfer_sender_key UNIQUE (sender_id, idempotency_key),
    CONSTRAINT transfer_amount_positive CHECK (amount > 0),
    INDEX transfer_sender (sender_id, id),
    INDEX transfer_recipient (recipient_id, id),
    INDEX transfer_pair (sender_id, recipient_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
