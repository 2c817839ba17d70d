-- Wrong one-time codes per account, across all its challenges: a new sign-in no longer brings five fresh tries.
-- One row per account that ever answered wrong; the count starts again when its window is over.
CREATE TABLE otp_failure_budget (
    user_id           BIGINT      NOT NULL PRIMARY KEY,
    failures          INT         NOT NULL,
    window_started_at DATETIME(6) NOT NULL,
    CONSTRAINT otp_failure_budget_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
