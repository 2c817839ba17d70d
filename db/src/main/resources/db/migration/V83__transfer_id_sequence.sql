-- Transfer ids from a sequence pooled by 50, as the ledger's (STACK.md fact 15), instead of AUTO_INCREMENT: the row is
-- written inside the posting's transaction while the accounts are locked, and an AUTO_INCREMENT insert ran at once
-- there (Hibernate needs the id back) instead of in the one batch at the commit. The sequence starts 50 above the
-- largest id, because Hibernate's pooled optimizer hands out the 49 ids below the first value it reads.
SET @transfer_seq_start = (SELECT COALESCE(MAX(id), 0) + 51 FROM transfer);
SET @transfer_seq_ddl = CONCAT('CREATE SEQUENCE transfer_seq START WITH ', @transfer_seq_start, ' INCREMENT BY 50');
PREPARE transfer_seq_create FROM @transfer_seq_ddl;
EXECUTE transfer_seq_create;
DEALLOCATE PREPARE transfer_seq_create;
