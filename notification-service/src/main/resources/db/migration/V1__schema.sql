-- notification-service: staff push subscriptions, alerts and their deliveries, and the read
-- model behind the no-show dashboard. Times are UTC (timestamptz).

-- One row per browser (device) a staff member turned notifications on in. The endpoint is
-- the browser's push resource: unique, and it moves to whoever subscribes on that browser last.
CREATE TABLE push_subscription (
    id              uuid PRIMARY KEY,
    user_name       text        NOT NULL,
    role            text        NOT NULL,
    endpoint        text        NOT NULL UNIQUE,
    p256dh          text        NOT NULL,
    auth            text        NOT NULL,
    user_agent      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    last_success_at timestamptz
);
CREATE INDEX push_subscription_user ON push_subscription (user_name);
CREATE INDEX push_subscription_role ON push_subscription (role);

-- The doctors a subscription follows; none means every doctor.
CREATE TABLE push_subscription_doctor (
    subscription_id uuid NOT NULL REFERENCES push_subscription (id) ON DELETE CASCADE,
    doctor_id       uuid NOT NULL,
    PRIMARY KEY (subscription_id, doctor_id)
);

-- What staff are told. audience: comma-separated roles; doctor_id narrows it to the staff
-- who follow that doctor. source_event_id makes an event produce its alert once.
CREATE TABLE staff_alert (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,
    title           text        NOT NULL,
    body            text        NOT NULL,
    url             text        NOT NULL,
    doctor_id       uuid,
    audience        text        NOT NULL,
    recipient       text,
    urgency         text        NOT NULL,
    topic           text        NOT NULL,
    ttl_seconds     integer     NOT NULL,
    source_event_id uuid UNIQUE,
    created_at      timestamptz NOT NULL
);
CREATE INDEX staff_alert_created ON staff_alert (created_at DESC);

-- One alert to one device. PENDING rows are the dispatcher's queue.
CREATE TABLE push_delivery (
    id              bigserial PRIMARY KEY,
    alert_id        uuid        NOT NULL REFERENCES staff_alert (id) ON DELETE CASCADE,
    subscription_id uuid        NOT NULL REFERENCES push_subscription (id) ON DELETE CASCADE,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL,
    UNIQUE (alert_id, subscription_id)
);
CREATE INDEX push_delivery_due ON push_delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL
);

-- Live waitlist offers, to recognise the booking that accepts one.
CREATE TABLE waitlist_offer_seen (
    offer_id   uuid PRIMARY KEY,
    patient_id uuid        NOT NULL,
    slot_id    uuid        NOT NULL,
    doctor_id  uuid,
    specialty  text,
    start_at   timestamptz,
    expires_at timestamptz,
    offered_at timestamptz NOT NULL
);
CREATE INDEX waitlist_offer_seen_slot ON waitlist_offer_seen (slot_id, patient_id);

-- Dashboard read model: one row per appointment, built from booking-service's events. A row
-- may be started by any of them (topics are consumed independently); version keeps the status
-- from going back to an older one.
CREATE TABLE appointment_fact (
    appointment_id uuid PRIMARY KEY,
    slot_id        uuid,
    doctor_id      uuid,
    specialty      text,
    start_at       timestamptz,
    status         text,
    source         text,
    confirmed      boolean     NOT NULL DEFAULT false,
    via_waitlist   boolean     NOT NULL DEFAULT false,
    version        bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX appointment_fact_start ON appointment_fact (start_at);

-- Slots freed by a cancellation, reschedule or no-show, and whether the waitlist refilled them.
CREATE TABLE slot_release (
    event_id               uuid PRIMARY KEY,
    slot_id                uuid        NOT NULL,
    doctor_id              uuid,
    specialty              text,
    start_at               timestamptz NOT NULL,
    reason                 text,
    released_at            timestamptz NOT NULL,
    refilled_from_waitlist boolean     NOT NULL DEFAULT false
);
CREATE INDEX slot_release_slot ON slot_release (slot_id, released_at DESC);
CREATE INDEX slot_release_start ON slot_release (start_at);
