-- Whose identity compliance has approved: the fact the tiers read (T2), kept apart from the reviews that lead to it.
CREATE TABLE kyc_approval (
    user_id          VARCHAR(40) NOT NULL PRIMARY KEY,
    verification_id  VARCHAR(40) NOT NULL,
    approved_at      DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
