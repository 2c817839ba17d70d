-- A transaction's detail page names what caused it: the top-up is found by its ledger transaction.
CREATE INDEX topup_transaction ON topup (transaction_id);
