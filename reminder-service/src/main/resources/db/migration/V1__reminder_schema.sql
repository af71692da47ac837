-- What reminder-service knows about an appointment: the details AppointmentBooked carried
-- (filled once), and the latest status with the aggregate version that set it. A row can
-- exist before its booking arrives (a tombstone for a cancel that overtook it).
CREATE TABLE appointment (
    appointment_id   uuid        PRIMARY KEY,
    patient_id       uuid,
    slot_id          uuid,
    doctor_id        uuid,
    doctor_name      text,
    specialty        text,
    address          text,
    start_at         timestamptz,
    duration_minutes integer,
    tier             text,
    booked           boolean     NOT NULL DEFAULT false,
    status           text        NOT NULL,
    status_version   bigint      NOT NULL,
    confirmed        boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- One row per planned touch. The row is also the outbox of its ReminderDue: id is the
-- event id, idempotency_key is stable, and status moves PLANNED -> SENT in the same
-- transaction that claimed it with FOR UPDATE SKIP LOCKED.
CREATE TABLE touch (
    id                uuid        PRIMARY KEY,
    appointment_id    uuid        NOT NULL REFERENCES appointment (appointment_id),
    patient_id        uuid        NOT NULL,
    kind              text        NOT NULL,
    action            text        NOT NULL,
    seq               integer     NOT NULL,
    due_at            timestamptz NOT NULL,
    planned_due_at    timestamptz NOT NULL,
    next_attempt_at   timestamptz NOT NULL,
    status            text        NOT NULL,
    reason            text,
    asks_confirmation boolean     NOT NULL DEFAULT false,
    template          text,
    params            text        NOT NULL DEFAULT '{}',
    buttons           text        NOT NULL DEFAULT '',
    idempotency_key   text        NOT NULL,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text,
    sent_at           timestamptz,
    answer            text,
    answered_at       timestamptz,
    created_at        timestamptz NOT NULL,
    CONSTRAINT touch_idempotency_key_uq UNIQUE (idempotency_key),
    CONSTRAINT touch_appointment_kind_uq UNIQUE (appointment_id, kind),
    CONSTRAINT touch_status_ck CHECK (status IN ('PLANNED', 'SENT', 'SKIPPED', 'CANCELLED')),
    CONSTRAINT touch_action_ck CHECK (action IN ('MESSAGE', 'NO_SHOW_CHECK'))
);

-- The dispatcher's and the no-show checker's claim queries read only these small partial indexes.
CREATE INDEX touch_due_message_idx ON touch (next_attempt_at) WHERE status = 'PLANNED' AND action = 'MESSAGE';
CREATE INDEX touch_due_check_idx ON touch (next_attempt_at) WHERE status = 'PLANNED' AND action = 'NO_SHOW_CHECK';

-- Consumers insert the event id in the same transaction as the effect: a redelivery finds it and does nothing.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL
);
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
