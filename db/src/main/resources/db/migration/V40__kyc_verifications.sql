-- Identity verification (KYC): a person's submissions, their documents, and compliance's decisions on them.
-- Personal fields and files are sealed with AES-GCM under the master key (key_id names the key version); nothing a
-- person typed or sent is stored in the clear here.
CREATE TABLE kyc_verification (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        VARCHAR(40)   NOT NULL,
    user_id          VARCHAR(40)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    key_id           VARCHAR(10)   NOT NULL,
    sealed_details   TEXT          NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    decided_at       DATETIME(6)   NULL,
    decided_by       VARCHAR(40)   NULL,
    reason           VARCHAR(1000) NULL,
    requested_document VARCHAR(20) NULL,
    -- The person while this submission waits for compliance, else NULL: one pending submission per person.
    pending_user_id  VARCHAR(40)   NULL,
    CONSTRAINT uq_kyc_verification_pending UNIQUE (pending_user_id),
    CONSTRAINT uq_kyc_verification_public UNIQUE (public_id),
    INDEX ix_kyc_verification_user (user_id, id),
    INDEX ix_kyc_verification_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE kyc_document (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        VARCHAR(40)   NOT NULL,
    verification_id  BIGINT        NOT NULL,
    kind             VARCHAR(10)   NOT NULL,
    content_type     VARCHAR(40)   NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    key_id           VARCHAR(10)   NOT NULL,
    content          LONGBLOB      NOT NULL,
    thumbnail        MEDIUMBLOB    NULL,
    CONSTRAINT uq_kyc_document_public UNIQUE (public_id),
    CONSTRAINT fk_kyc_document_verification FOREIGN KEY (verification_id) REFERENCES kyc_verification (id),
    INDEX ix_kyc_document_verification (verification_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The history the person and compliance read: the submission, each decision, each hit cleared.
CREATE TABLE kyc_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    verification_id  BIGINT        NOT NULL,
    action           VARCHAR(20)   NOT NULL,
    actor            VARCHAR(40)   NOT NULL,
    reason           VARCHAR(1000) NULL,
    document         VARCHAR(20)   NULL,
    happened_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_kyc_event_verification FOREIGN KEY (verification_id) REFERENCES kyc_verification (id),
    INDEX ix_kyc_event_verification (verification_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
