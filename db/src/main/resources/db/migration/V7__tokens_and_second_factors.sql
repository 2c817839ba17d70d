-- API tokens: the RSA keys that sign access tokens (private parts sealed with AES-GCM under the master key, so every
-- instance of a cluster signs with the same keys) and rotating refresh tokens (stored as SHA-256).

CREATE TABLE signing_key (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kid          VARCHAR(40)  NOT NULL,
    private_jwk  VARCHAR(4096) NOT NULL,
    public_jwk   VARCHAR(4096) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT signing_key_kid UNIQUE (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- subject is the caller's public id (usr_... now, merchants' client ids later); one family per sign-in: reusing a
-- token that was already exchanged revokes the whole family.
CREATE TABLE refresh_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    family      VARCHAR(40) NOT NULL,
    subject     VARCHAR(40) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    revoked_at  DATETIME(6) NULL,
    CONSTRAINT refresh_token_hash UNIQUE (token_hash),
    INDEX refresh_token_family (family),
    INDEX refresh_token_subject (subject, revoked_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Second factors besides e-mail codes: an authenticator app (TOTP secret sealed under the master key; pending until
-- the first code from the app confirms it), SMS to a phone number (sealed: personal data), and recovery codes (HMAC).
ALTER TABLE app_user
    ADD COLUMN totp_secret  VARCHAR(255) NULL,
    ADD COLUMN totp_enabled BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN phone        VARCHAR(255) NULL,
    ADD COLUMN sms_codes    BOOLEAN      NOT NULL DEFAULT FALSE;

-- Codes from an authenticator app carry no state of their own: the last time step used keeps one from being replayed.
CREATE TABLE totp_replay (
    user_id   BIGINT NOT NULL PRIMARY KEY,
    last_step BIGINT NOT NULL,
    CONSTRAINT totp_replay_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE recovery_code (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id   BIGINT      NOT NULL,
    code_hash VARCHAR(64) NOT NULL,
    used_at   DATETIME(6) NULL,
    CONSTRAINT recovery_code_hash UNIQUE (user_id, code_hash),
    CONSTRAINT recovery_code_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An authenticator-app challenge sends nothing and stores no code.
ALTER TABLE otp_challenge MODIFY code_hash VARCHAR(64) NULL;
