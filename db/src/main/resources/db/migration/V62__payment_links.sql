-- Payment links: a merchant's reusable request for a payment (fixed or open amount), shown on a public page; every
-- payer who opens it gets a checkout session of their own (checkout_session.payment_link_id), paid on the usual
-- checkout page. quantity_limit counts the link's payments; expires_at and deactivated_at end it.
CREATE TABLE payment_link (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)   NOT NULL,
    merchant_id         VARCHAR(40)   NOT NULL,
    amount              BIGINT        NULL,
    currency            CHAR(3)       NOT NULL,
    description         VARCHAR(500)  NOT NULL,
    quantity_limit      INT           NULL,
    expires_at          DATETIME(6)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    deactivated_at      DATETIME(6)   NULL,
    CONSTRAINT payment_link_public_id UNIQUE (public_id),
    CONSTRAINT payment_link_amount_positive CHECK (amount IS NULL OR amount > 0),
    CONSTRAINT payment_link_quantity_positive CHECK (quantity_limit IS NULL OR quantity_limit > 0),
    INDEX payment_link_merchant (merchant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE checkout_session
    ADD COLUMN payment_link_id VARCHAR(40) NULL,
    ADD INDEX checkout_session_payment_link (payment_link_id, id);
