-- Inbox retention (InboxRetention): applied messages' inbox rows older than keepInboxDays are deleted; the id of one
-- whose contract needs it to stay a no-op when redelivered (postings: anything but a newer-wins snapshot) is kept
-- here, and only the id. The inbox's duplicate check reads both tables.
CREATE TABLE tp_fed_inbox_key (
    message_id VARCHAR(80) NOT NULL PRIMARY KEY
);
-- the purge's "received before"
CREATE INDEX tp_fed_inbox_received_ix ON tp_fed_inbox (received_at);
