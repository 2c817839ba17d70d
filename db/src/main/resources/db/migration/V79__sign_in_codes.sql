-- A code at every sign-in: on by default for new accounts (the application sets it too; this default covers rows made
-- outside it). Accounts made before keep their choice.
ALTER TABLE app_user
    ALTER COLUMN email_codes SET DEFAULT TRUE,
    -- "Ask only on a new device": a device that answered a code is remembered for 30 days (remembered_device).
    ADD COLUMN codes_new_device_only BOOLEAN NOT NULL DEFAULT FALSE;

-- A remembered device: the SHA-256 of the random token its signed cookie (or the API's device_token) carries, so that
-- a copy of this table opens nothing. Forgotten when the person's sessions are ended, or on "forget my devices".
CREATE TABLE remembered_device (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    ip            VARCHAR(64)  NOT NULL,
    device        VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    forgotten_at  DATETIME(6)  NULL,
    CONSTRAINT remembered_device_token UNIQUE (token_hash),
    CONSTRAINT remembered_device_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX remembered_device_by_user (user_id, forgotten_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
