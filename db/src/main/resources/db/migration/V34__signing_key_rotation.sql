-- Signing keys rotate while OKPay runs, and every instance reads them again and again: a key is published before it
-- signs (signs_from), and a single lock row makes two instances that start or rotate together create one key.

ALTER TABLE signing_key ADD COLUMN signs_from DATETIME(6) NULL;
UPDATE signing_key SET signs_from = created_at;
ALTER TABLE signing_key MODIFY signs_from DATETIME(6) NOT NULL;

CREATE TABLE signing_key_lock (
    id TINYINT NOT NULL PRIMARY KEY
) ENGINE=InnoDB;
INSERT INTO signing_key_lock (id) VALUES (1);
