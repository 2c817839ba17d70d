-- Limits: what each person (or merchant) has moved of each kind in the current hour, day and month, in minor units of
-- the reference currency (EUR). One row per owner and kind, locked by the posting that adds to it, so that concurrent
-- postings add up one after the other; a window that has passed starts again from zero when it is next written.
CREATE TABLE risk_usage (
    owner_id      VARCHAR(40) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    hour_start    DATETIME(6) NOT NULL,
    hour_count    INT         NOT NULL,
    day_start     DATETIME(6) NOT NULL,
    day_used      BIGINT      NOT NULL,
    month_start   DATETIME(6) NOT NULL,
    month_used    BIGINT      NOT NULL,
    PRIMARY KEY (owner_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Freezes (by compliance) and self-locks (by the person): while either holds, no money leaves the person's wallets.
-- A self-lock ends at unlock_at, set 24 hours after the person confirmed the unlock with a one-time code.
CREATE TABLE risk_account_lock (
    user_id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    frozen_at       DATETIME(6)  NULL,
    frozen_by       VARCHAR(40)  NULL,
    frozen_reason   VARCHAR(500) NULL,
    self_locked_at  DATETIME(6)  NULL,
    unlock_at       DATETIME(6)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
