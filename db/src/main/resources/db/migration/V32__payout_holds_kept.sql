-- A hold may have no deadline: once a payout is exported the bank is paying it, so its hold lasts until it is posted
-- (paid) or voided (failed) and the ledger's hold expiry never gives that money back on its own.
ALTER TABLE ledger_hold MODIFY expires_at DATETIME(6) NULL;

-- Payouts exported before this change keep their holds the same way.
UPDATE ledger_hold h
    JOIN ledger_transaction t ON t.id = h.id
    JOIN payout p ON p.hold_id = t.public_id
SET h.expires_at = NULL
WHERE h.state = 'PENDING' AND p.status IN ('PROCESSING', 'PAYING', 'FAILING');

-- The payouts whose hold lapsed before export, found by the payout schedule.
CREATE INDEX payout_lapsing ON payout (status, hold_expires_at);
