-- Scheduled jobs run once per period across all instances: the instance that moves a job's lease forward runs it.
-- Times are the database's own clock, so instances whose clocks differ still agree.
CREATE TABLE job_lease (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(128) NOT NULL,
    held_until  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
