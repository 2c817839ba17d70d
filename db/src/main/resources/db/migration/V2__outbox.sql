-- The transactional outbox: effects (mail, webhooks, ...) are written here in the same transaction as the change that
-- causes them, and delivered afterwards by a dispatcher, so no remote call ever happens inside a database transaction.
CREATE SEQUENCE outbox_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE outbox_event (
    id              BIGINT        NOT NULL PRIMARY KEY,
    type            VARCHAR(64)   NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    locked_until    DATETIME(6)   NULL,
    delivered_at    DATETIME(6)   NULL,
    last_error      VARCHAR(500)  NULL,
    CONSTRAINT outbox_event_status CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    INDEX outbox_event_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
