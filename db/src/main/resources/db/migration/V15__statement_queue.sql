-- The operators' queue of statement lines in suspense: each is resolved once, assigned to a bank transfer top-up or
-- returned to the payer, and who did it is kept.
ALTER TABLE bank_statement_line DROP CONSTRAINT bank_statement_line_status;
ALTER TABLE bank_statement_line
    ADD CONSTRAINT bank_statement_line_status CHECK (status IN ('MATCHED', 'SUSPENSE', 'ASSIGNED', 'RETURNED', 'IGNORED')),
    ADD COLUMN resolved_by VARCHAR(64) NULL,
    ADD COLUMN resolved_at DATETIME(6) NULL;
