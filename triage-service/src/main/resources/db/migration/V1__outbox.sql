-- triage-service keeps no state of its own but the audit events it owes: DataAccessed is written
-- here before a triage answer leaves and published to Kafka by the relay, so a Kafka outage loses
-- none. The payload holds who, when, why and which triage, never the symptom text.
CREATE TABLE outbox_event (
    seq                bigserial PRIMARY KEY,
    event_id           uuid        NOT NULL UNIQUE,
    topic              text        NOT NULL,
    aggregate_id       text        NOT NULL,
    aggregate_version  bigint      NOT NULL,
    payload            text        NOT NULL,
    created_at         timestamptz NOT NULL,
    published_at       timestamptz,
    attempts           int         NOT NULL DEFAULT 0,
    last_error         text
);
CREATE INDEX outbox_pending_idx ON outbox_event (seq) WHERE published_at IS NULL;
