-- Redacting a forgotten message's replies looks them up by the message they answer.
CREATE INDEX messages_in_reply_to ON messages (in_reply_to);
