-- Currency conversion. A quote fixes the rate, both amounts and the fee for a short while; converting it moves exactly
-- those numbers in one ledger transaction (transaction_id). The conversion columns are filled once: idempotency_key
-- is claimed before the posting (unique per user, so one key never converts two quotes), conversion_id and
-- transaction_id after it. The posting itself is keyed by the quote, so a quote can move money only once.
CREATE TABLE fx_quote (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)   NOT NULL,
    user_id         VARCHAR(40)   NOT NULL,
    sell_currency   CHAR(3)       NOT NULL,
    buy_currency    CHAR(3)       NOT NULL,
    sell_amount     BIGINT        NOT NULL,
    buy_amount      BIGINT        NOT NULL,
    fee             BIGINT        NOT NULL,
    rate            VARCHAR(40)   NOT NULL,
    mid_rate        VARCHAR(40)   NOT NULL,
    fixed_side      VARCHAR(4)    NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NOT NULL,
    idempotency_key VARCHAR(255)  NULL,
    conversion_id   VARCHAR(40)   NULL,
    transaction_id  VARCHAR(40)   NULL,
    converted_at    DATETIME(6)   NULL,
    CONSTRAINT fx_quote_public_id UNIQUE (public_id),
    CONSTRAINT fx_quote_conversion UNIQUE (conversion_id),
    CONSTRAINT fx_quote_transaction UNIQUE (transaction_id),
    CONSTRAINT fx_quote_user_key UNIQUE (user_id, idempotency_key),
    CONSTRAINT fx_quote_amounts CHECK (sell_amount > 0 AND buy_amount > 0 AND fee >= 0),
    CONSTRAINT fx_quote_currencies CHECK (sell_currency <> buy_currency),
    INDEX fx_quote_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
