-- Operators find a person by phone number. The number stays sealed (personal data); beside it a blind index: the
-- HMAC of the number under a key derived from the master key for this one use, so equal numbers match without the
-- number being stored readable. Written with every new number; numbers sealed before this version get theirs at
-- start-up (io.okpay.identity.control.PhoneIndexBackfill).
ALTER TABLE app_user
    ADD COLUMN phone_digest VARCHAR(64) NULL;
CREATE INDEX ix_app_user_phone_digest ON app_user (phone_digest);
