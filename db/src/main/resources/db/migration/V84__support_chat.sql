-- Live chat between a signed-in person and an online SUPPORT operator. Every line is a row, so that the instance that
-- holds the other side's socket finds it (by id, polled every fraction of a second): nothing lives in one JVM only.
-- Typing and delivery are columns of the chat (the time the side last typed, the last line delivered to each side).
-- When the chat ends its transcript becomes a support ticket (ticket_id).
CREATE TABLE support_chat (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id            VARCHAR(40)   NOT NULL,
    user_id              VARCHAR(40)   NOT NULL,
    operator_id          VARCHAR(40)   NULL,
    category             VARCHAR(16)   NOT NULL,
    status               VARCHAR(8)    NOT NULL,
    line_count           INT           NOT NULL,
    person_typing_at     DATETIME(6)   NULL,
    operator_typing_at   DATETIME(6)   NULL,
    person_received      INT           NOT NULL,
    operator_received    INT           NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    last_line_at         DATETIME(6)   NOT NULL,
    changed_at           DATETIME(6)   NOT NULL,
    ended_at             DATETIME(6)   NULL,
    ticket_id            BIGINT        NULL,
    CONSTRAINT support_chat_public_id UNIQUE (public_id),
    CONSTRAINT support_chat_ticket_fk FOREIGN KEY (ticket_id) REFERENCES support_ticket (id),
    INDEX support_chat_user (user_id, status),
    INDEX support_chat_status (status, last_line_at),
    INDEX support_chat_changed (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE support_chat_line (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_id     BIGINT        NOT NULL,
    seq         INT           NOT NULL,
    author      VARCHAR(8)    NOT NULL,
    author_id   VARCHAR(40)   NOT NULL,
    body        TEXT          NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT support_chat_line_seq UNIQUE (chat_id, seq),
    CONSTRAINT support_chat_line_chat_fk FOREIGN KEY (chat_id) REFERENCES support_chat (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Operators with an open chat console: each instance renews the rows of its consoles; a row past seen_until is gone.
CREATE TABLE support_chat_presence (
    operator_id  VARCHAR(40)   NOT NULL PRIMARY KEY,
    seen_until   DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
