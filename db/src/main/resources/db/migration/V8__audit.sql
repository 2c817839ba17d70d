-- The security audit log: append-only, each record chained to the one before by SHA-256 over its content and the
-- previous hash, so that a changed, removed or inserted record breaks the chain. audit_head holds the hash of the
-- newest record; locking it serialises appends so the chain never forks.

CREATE TABLE audit_record (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    created_at  DATETIME(6)  NOT NULL,
    actor       VARCHAR(40)  NOT NULL,
    event       VARCHAR(40)  NOT NULL,
    ip          VARCHAR(64)  NOT NULL,
    detail      VARCHAR(500) NOT NULL,
    prev_hash   VARCHAR(64)  NOT NULL,
    hash        VARCHAR(64)  NOT NULL,
    INDEX audit_record_by_actor (actor, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_head (
    id        TINYINT     NOT NULL PRIMARY KEY,
    last_hash VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO audit_head (id, last_hash) VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only for everyone, the application included.
CREATE TRIGGER audit_record_no_update BEFORE UPDATE ON audit_record FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit records are append-only';
CREATE TRIGGER audit_record_no_delete BEFORE DELETE ON audit_record FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit records are append-only';
