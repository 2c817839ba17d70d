-- FINANCE voids the unused vouchers of a batch (a lost shipment, a cancelled campaign): they can no longer be redeemed.
ALTER TABLE voucher
    ADD COLUMN voided_by VARCHAR(40) NULL,
    ADD COLUMN voided_at DATETIME(6) NULL;
