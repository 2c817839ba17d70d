-- Checkout: a merchant asks for a payment (a session), a person pays it from their balance on OKPay's checkout page
-- (a payment, one per session at most), and the merchant may give money back (refunds). The money itself moves in the
-- ledger; these rows describe it and carry what the API shows.

-- A checkout session. payment_id is reserved when the session is made (shown once it is paid), so the payment's id is
-- the same in every attempt to pay it: it is part of the ledger posting's effects (webhook events, e-mails).
CREATE TABLE checkout_session (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)   NOT NULL,
    merchant_id         VARCHAR(40)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    amount              BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL,
    merchant_reference  VARCHAR(100)  NULL,
    description         VARCHAR(500)  NULL,
    success_url         VARCHAR(2000) NOT NULL,
    cancel_url          VARCHAR(2000) NOT NULL,
    customer_email      VARCHAR(254)  NULL,
    metadata            TEXT          NULL,
    payment_id          VARCHAR(40)   NOT NULL,
    idempotency_key     VARCHAR(255)  NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    expires_at          DATETIME(6)   NOT NULL,
    closed_at           DATETIME(6)   NULL,
    CONSTRAINT checkout_session_public_id UNIQUE (public_id),
    CONSTRAINT checkout_session_payment UNIQUE (payment_id),
    CONSTRAINT checkout_session_key UNIQUE (merchant_id, idempotency_key),
    CONSTRAINT checkout_session_amount_positive CHECK (amount > 0),
    INDEX checkout_session_merchant (merchant_id, id),
    INDEX checkout_session_due (status, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A payment of a session: written (PENDING) before the ledger posting, SUCCEEDED with the posting's transaction id.
-- Unique per session, so two payers or two clicks never make two payments.
CREATE TABLE checkout_payment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)   NOT NULL,
    session_id          VARCHAR(40)   NOT NULL,
    merchant_id         VARCHAR(40)   NOT NULL,
    payer_id            VARCHAR(40)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    amount              BIGINT        NOT NULL,
    fee                 BIGINT        NOT NULL,
    refunded            BIGINT        NOT NULL DEFAULT 0,
    currency            CHAR(3)       NOT NULL,
    transaction_id      VARCHAR(40)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT checkout_payment_public_id UNIQUE (public_id),
    CONSTRAINT checkout_payment_session UNIQUE (session_id),
    CONSTRAINT checkout_payment_amounts CHECK (amount > 0 AND fee >= 0 AND fee <= amount AND refunded >= 0 AND refunded <= amount),
    INDEX checkout_payment_merchant (merchant_id, id),
    INDEX checkout_payment_pair (payer_id, merchant_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Money a merchant gave back from a payment. The refund counts against the payment (refunded) before it is posted;
-- a refusal of the ledger (merchant balance too low) removes it again.
CREATE TABLE checkout_refund (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)   NOT NULL,
    payment_id          VARCHAR(40)   NOT NULL,
    merchant_id         VARCHAR(40)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    amount              BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL,
    reason              VARCHAR(500)  NULL,
    idempotency_key     VARCHAR(255)  NOT NULL,
    transaction_id      VARCHAR(40)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT checkout_refund_public_id UNIQUE (public_id),
    CONSTRAINT checkout_refund_key UNIQUE (merchant_id, idempotency_key),
    CONSTRAINT checkout_refund_amount_positive CHECK (amount > 0),
    INDEX checkout_refund_payment (payment_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
