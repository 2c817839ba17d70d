-- Identity and access: people, their e-mailed tokens, sign-in attempts, sessions and one-time-code challenges.
-- Secrets are never stored as such: passwords as Argon2id hashes, tokens as SHA-256, codes as HMAC under the master key.

CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id           VARCHAR(40)  NOT NULL,
    email               VARCHAR(254) NOT NULL,
    username            VARCHAR(32)  NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    locale              VARCHAR(16)  NOT NULL,
    roles               VARCHAR(200) NOT NULL,
    email_verified_at   DATETIME(6)  NULL,
    email_codes         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          DATETIME(6)  NOT NULL,
    password_changed_at DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_public_id UNIQUE (public_id),
    CONSTRAINT app_user_email UNIQUE (email),
    CONSTRAINT app_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Single-use links sent by e-mail (address verification, password reset).
CREATE TABLE user_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT      NOT NULL,
    purpose     VARCHAR(24) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    CONSTRAINT user_token_hash UNIQUE (token_hash),
    CONSTRAINT user_token_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX user_token_by_user (user_id, purpose, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every sign-in attempt against a known account: the person's history of sign-ins, and the state of one that waits
-- for its second factor.
CREATE TABLE sign_in (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id    VARCHAR(40)  NOT NULL,
    user_id      BIGINT       NOT NULL,
    ip           VARCHAR(64)  NOT NULL,
    device       VARCHAR(255) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    completed_at DATETIME(6)  NULL,
    CONSTRAINT sign_in_public_id UNIQUE (public_id),
    CONSTRAINT sign_in_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX sign_in_by_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A signed-in browser session; ending the row ends the session on every instance of a cluster.
CREATE TABLE user_session (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id     VARCHAR(40)  NOT NULL,
    user_id       BIGINT       NOT NULL,
    ip            VARCHAR(64)  NOT NULL,
    device        VARCHAR(255) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_seen_at  DATETIME(6)  NOT NULL,
    ended_at      DATETIME(6)  NULL,
    CONSTRAINT user_session_public_id UNIQUE (public_id),
    CONSTRAINT user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX user_session_by_user (user_id, ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A one-time-code challenge, bound to what it was issued for (a sign-in attempt or an action such as a password change).
CREATE TABLE otp_challenge (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id    VARCHAR(40) NOT NULL,
    user_id      BIGINT      NOT NULL,
    purpose      VARCHAR(80) NOT NULL,
    channel      VARCHAR(8)  NOT NULL,
    code_hash    VARCHAR(64) NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    sends        INT         NOT NULL DEFAULT 1,
    created_at   DATETIME(6) NOT NULL,
    last_sent_at DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    passed_at    DATETIME(6) NULL,
    CONSTRAINT otp_challenge_public_id UNIQUE (public_id),
    CONSTRAINT otp_challenge_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
