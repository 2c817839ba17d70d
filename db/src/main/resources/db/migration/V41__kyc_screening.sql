-- Screening lists compliance uploads (sanctions, politically exposed persons ...), and the hits they give.
CREATE TABLE kyc_screening_list (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        VARCHAR(40)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    entries          INT           NOT NULL,
    uploaded_by      VARCHAR(40)   NOT NULL,
    uploaded_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_kyc_screening_list_public UNIQUE (public_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE kyc_screening_entry (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_id          BIGINT        NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    date_of_birth    DATE          NULL,
    country          CHAR(2)       NULL,
    source           VARCHAR(200)  NULL,
    CONSTRAINT fk_kyc_screening_entry_list FOREIGN KEY (list_id) REFERENCES kyc_screening_list (id),
    INDEX ix_kyc_screening_entry_list (list_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE kyc_screening_hit (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id        VARCHAR(40)   NOT NULL,
    verification_id  BIGINT        NOT NULL,
    entry_id         BIGINT        NOT NULL,
    exact_match      BOOLEAN       NOT NULL,
    score            INT           NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    found_at         DATETIME(6)   NOT NULL,
    cleared_by       VARCHAR(40)   NULL,
    cleared_at       DATETIME(6)   NULL,
    cleared_reason   VARCHAR(1000) NULL,
    CONSTRAINT uq_kyc_screening_hit_public UNIQUE (public_id),
    CONSTRAINT uq_kyc_screening_hit_pair UNIQUE (verification_id, entry_id),
    CONSTRAINT fk_kyc_screening_hit_verification FOREIGN KEY (verification_id) REFERENCES kyc_verification (id),
    CONSTRAINT fk_kyc_screening_hit_entry FOREIGN KEY (entry_id) REFERENCES kyc_screening_entry (id),
    INDEX ix_kyc_screening_hit_open (verification_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
