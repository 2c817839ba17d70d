-- Dynamic linking: a step-up code approves one operation only. The digest (HMAC under the master key) covers the
-- action, the amount, the currency and the payee; an answer for another operation is refused. The amount and the payee
-- as shown are kept too, so that a code sent again names them in the person's language as the first one did.
ALTER TABLE otp_challenge
    ADD COLUMN bound_digest   VARCHAR(64)  NULL,
    ADD COLUMN bound_amount   BIGINT       NULL,
    ADD COLUMN bound_exponent INT          NULL,
    ADD COLUMN bound_currency CHAR(3)      NULL,
    ADD COLUMN bound_payee    VARCHAR(320) NULL;
