-- Merchants: a person's shop profile. Operators (COMPLIANCE) approve it before it takes live payments. The merchant's
-- money sits in ledger accounts owned by (MERCHANT, public_id), one per currency, like a person's wallets.
CREATE TABLE merchant (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)   NOT NULL,
    owner_id            VARCHAR(40)   NOT NULL,
    business_name       VARCHAR(100)  NOT NULL,
    website             VARCHAR(255)  NOT NULL,
    support_email       VARCHAR(254)  NOT NULL,
    settlement_currency CHAR(3)       NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    decided_at          DATETIME(6)   NULL,
    decided_by          VARCHAR(40)   NULL,
    CONSTRAINT merchant_public_id UNIQUE (public_id),
    CONSTRAINT merchant_owner UNIQUE (owner_id),
    INDEX merchant_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Secret API keys of a merchant. Only a SHA-256 of the secret is kept (the secret is 160+ random bits, shown once),
-- so a stolen table opens nothing. A revoked key stays for the record.
CREATE TABLE merchant_api_key (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)   NOT NULL,
    merchant_id     VARCHAR(40)   NOT NULL,
    secret_hash     CHAR(64)      NOT NULL,
    secret_hint     VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    last_used_at    DATETIME(6)   NULL,
    revoked_at      DATETIME(6)   NULL,
    CONSTRAINT merchant_api_key_public_id UNIQUE (public_id),
    CONSTRAINT merchant_api_key_secret UNIQUE (secret_hash),
    INDEX merchant_api_key_merchant (merchant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
