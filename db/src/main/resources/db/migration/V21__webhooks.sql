-- Webhooks: where a merchant wants its events (endpoints), each event as recorded once from the outbox, one delivery
-- per (event, endpoint) with its retry schedule, and every HTTP attempt of it (the delivery log).

-- The signing secret is needed in clear to sign, so it is sealed (AES-GCM under the master key), not hashed.
-- A deleted endpoint stays (deleted_at) so that its delivery log still has something to point at.
CREATE TABLE webhook_endpoint (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)    NOT NULL,
    merchant_id     VARCHAR(40)    NOT NULL,
    url             VARCHAR(2048)  NOT NULL,
    event_types     VARCHAR(1000)  NOT NULL,
    description     VARCHAR(255)   NULL,
    enabled         BOOLEAN        NOT NULL,
    sealed_secret   VARCHAR(255)   NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    deleted_at      DATETIME(6)    NULL,
    CONSTRAINT webhook_endpoint_public_id UNIQUE (public_id),
    INDEX webhook_endpoint_merchant (merchant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The event exactly as it is POSTed (body), so every delivery and re-send of it carries the same bytes and id.
CREATE TABLE webhook_event (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)    NOT NULL,
    merchant_id     VARCHAR(40)    NOT NULL,
    type            VARCHAR(64)    NOT NULL,
    body            MEDIUMTEXT     NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    CONSTRAINT webhook_event_public_id UNIQUE (public_id),
    INDEX webhook_event_merchant (merchant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE webhook_delivery (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(40)    NOT NULL,
    event_id        BIGINT         NOT NULL,
    endpoint_id     BIGINT         NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    attempts        INT            NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    next_attempt_at DATETIME(6)    NOT NULL,
    locked_until    DATETIME(6)    NULL,
    delivered_at    DATETIME(6)    NULL,
    CONSTRAINT webhook_delivery_public_id UNIQUE (public_id),
    CONSTRAINT webhook_delivery_once UNIQUE (event_id, endpoint_id),
    CONSTRAINT webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id),
    CONSTRAINT webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id),
    INDEX webhook_delivery_due (status, next_attempt_at),
    INDEX webhook_delivery_endpoint_log (endpoint_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One HTTP attempt: when, the answer's status (NULL when there was none: timeout, refused, breaker open is not an
-- attempt), how long it took, and a short slice of what the merchant's server said.
CREATE TABLE webhook_attempt (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id     BIGINT         NOT NULL,
    attempted_at    DATETIME(6)    NOT NULL,
    http_status     INT            NULL,
    error           VARCHAR(255)   NULL,
    response_ms     INT            NOT NULL,
    response_body   VARCHAR(500)   NULL,
    CONSTRAINT webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id),
    INDEX webhook_attempt_of (delivery_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
