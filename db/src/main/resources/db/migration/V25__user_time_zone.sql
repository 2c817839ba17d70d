-- The time zone a person reads dates in (an IANA region id such as Asia/Shanghai): pages, e-mails, CSV files and the
-- month boundaries of statements. People who signed up before it was asked get their language's usual zone.
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT 'UTC' AFTER locale;
UPDATE app_user SET time_zone = 'Asia/Shanghai' WHERE locale LIKE 'zh%';
