-- The delivery log shows merchants a fixed error code, never an exception's text (which could name internal hosts,
-- addresses and ports). Attempts logged before keep no such text either.

UPDATE webhook_attempt SET error = CASE
        WHEN error = 'address not public' THEN 'address_not_public'
        WHEN error = 'timeout' THEN 'timeout'
        WHEN error LIKE 'UnknownHostException%' THEN 'unknown_host'
        WHEN error LIKE 'ConnectException%' THEN 'connection_refused'
        WHEN error LIKE 'SSL%' THEN 'tls_failed'
        ELSE 'connection_failed'
    END
    WHERE error IS NOT NULL;
