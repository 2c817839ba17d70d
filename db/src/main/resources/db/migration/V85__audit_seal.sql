-- Appends to the audit log no longer lock the chain's head inside the caller's transaction: that lock, held until the
-- caller committed, deadlocked with any transaction that took row or gap locks first and the head second. A record is
-- now written plain, with a row in audit_pending, and the sealer (every second, its own short transaction, the head
-- locked first) chains the pending records in the order it finds them: audit_seal keeps each record's place in the
-- chain, the hash before it and its own. The existing chain moves over unchanged (its order was the records' ids).

CREATE TABLE audit_seal (
    seq        BIGINT      NOT NULL PRIMARY KEY,
    record_id  BIGINT      NOT NULL,
    prev_hash  VARCHAR(64) NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    CONSTRAINT audit_seal_record UNIQUE (record_id),
    CONSTRAINT audit_seal_of_record FOREIGN KEY (record_id) REFERENCES audit_record (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO audit_seal (seq, record_id, prev_hash, hash)
    SELECT ROW_NUMBER() OVER (ORDER BY id), id, prev_hash, hash FROM audit_record;

CREATE TABLE audit_pending (
    record_id BIGINT NOT NULL PRIMARY KEY
) ENGINE=InnoDB;

ALTER TABLE audit_head ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;
UPDATE audit_head SET last_seq = (SELECT COUNT(*) FROM audit_seal) WHERE id = 1;

ALTER TABLE audit_record DROP COLUMN prev_hash, DROP COLUMN hash;

-- Seals are append-only too.
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit seals are append-only';
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit seals are append-only';
