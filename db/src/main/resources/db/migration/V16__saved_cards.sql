-- Cards people saved for their next top-ups: the processor's token with brand, last four digits and expiry. Never the
-- card number or the security code.
CREATE TABLE saved_card (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id  VARCHAR(32)   NOT NULL,
    user_id    VARCHAR(64)   NOT NULL,
    token      VARCHAR(128)  NOT NULL,
    brand      VARCHAR(16)   NOT NULL,
    last4      CHAR(4)       NOT NULL,
    exp_month  INT           NOT NULL,
    exp_year   INT           NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    CONSTRAINT saved_card_public_id UNIQUE (public_id),
    CONSTRAINT saved_card_token UNIQUE (user_id, token),
    INDEX saved_card_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
