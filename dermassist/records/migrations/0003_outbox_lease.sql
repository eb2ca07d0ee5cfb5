-- 0003: the outbox sender's lease (owned by dermassist.transfer). While an item is 'sending',
-- lease_owner names the sender ("<pid>@<host>") and heartbeat_at (Unix seconds) is refreshed
-- every few seconds, so another sender can tell a dead owner from a slow one.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN heartbeat_at REAL;
