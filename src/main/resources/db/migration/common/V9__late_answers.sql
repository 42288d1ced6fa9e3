-- A message that got no answer (a crash, an outage, the reply deadline) is claimed for a late answer: a lease that
-- another instance may take over once it has run out, never while it lasts.
ALTER TABLE messages ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE messages ADD COLUMN lease_until BIGINT;

-- The message a provider's delivery was stored as: a retry of one that died before it was stored is taken in again.
ALTER TABLE inbound_receipts ADD COLUMN message_id VARCHAR(36);

-- Messages left unanswered before late answers existed were answered with "please try again": people asked
-- again, so they are not answered now.
UPDATE messages SET status = 'EXPIRED' WHERE direction = 'IN' AND status = 'UNANSWERED';
