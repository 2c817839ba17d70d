-- Voucher batches above a configured total wait for a second FINANCE operator (four eyes) before they can be
-- redeemed; batches issued before this migration count as approved.
ALTER TABLE voucher
    ADD COLUMN awaiting_approval BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN approved_by       VARCHAR(40) NULL,
    ADD COLUMN approved_at       DATETIME(6) NULL;
