-- Closing an account: when the person closed it, and when the retention job replaced their personal data with
-- anonymous values after the legal retention period (okpay.closure.retention-days). The job claims each row with a
-- conditional UPDATE (anonymised_at IS NULL), so instances that run it together anonymise each account once.
ALTER TABLE app_user
    ADD COLUMN closed_at     DATETIME(6) NULL,
    ADD COLUMN anonymised_at DATETIME(6) NULL,
    ADD INDEX app_user_closed (closed_at, anonymised_at);
