-- People wait for one-time codes and confirmation links; receipts can wait. Urgent events are delivered first.
ALTER TABLE outbox_event ADD COLUMN priority TINYINT NOT NULL DEFAULT 1 AFTER status;
DROP INDEX outbox_event_due ON outbox_event;
CREATE INDEX outbox_event_due ON outbox_event (status, priority, next_attempt_at);
