-- Transfers to an e-mail address without an account: the money waits in the house's ESCROW account until someone
-- signs up with that address and confirms it (claim), the claim period ends (return), or the sender cancels. Exactly
-- one settlement per transfer: the row moves PENDING_CLAIM -> CLAIMING / RETURNING / CANCELLING by a conditional
-- update first (whoever changes it owns the settlement), then the ledger posts under the key "settle:<public id>",
-- then the row gets its final status and the settlement's transaction id.
ALTER TABLE transfer
    MODIFY recipient_id VARCHAR(40) NULL,
    ADD COLUMN recipient_email VARCHAR(254) NULL,
    ADD COLUMN claim_until DATETIME(6) NULL,
    ADD COLUMN settled_transaction_id VARCHAR(40) NULL,
    ADD COLUMN settled_at DATETIME(6) NULL,
    ADD CONSTRAINT transfer_settlement UNIQUE (settled_transaction_id),
    ADD INDEX transfer_status_due (status, claim_until),
    ADD INDEX transfer_recipient_email (recipient_email, status);
