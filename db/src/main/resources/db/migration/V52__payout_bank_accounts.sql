-- The bank accounts an owner has paid out to, each approved with a one-time code by the account owner: the risk rules
-- ask whether a payout is the first to an IBAN, or comes within 24 hours of its first use; a merchant's API key may
-- request payouts only to an IBAN the merchant's owner approved this way (on the dashboard). Only an HMAC of the IBAN
-- is kept here (the payout rows keep it sealed).
CREATE TABLE payout_bank_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_type    VARCHAR(16)  NOT NULL,
    owner_id      VARCHAR(40)  NOT NULL,
    iban_digest   VARCHAR(64)  NOT NULL,
    confirmed_by  VARCHAR(40)  NOT NULL,
    confirmed_at  DATETIME(6)  NOT NULL,
    CONSTRAINT payout_bank_account_unique UNIQUE (owner_type, owner_id, iban_digest)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
