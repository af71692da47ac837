-- Key rotation without downtime (docs/KEY-ROTATION.md), as in booking-service: reads accept the
-- current key and, during a rotation, the previous one; each encrypted row records which key
-- encrypted it, as a fingerprint (never the key).
--
-- The keys are arguments rather than booking's transaction-local settings: the gateway's SQL runs
-- statement by statement on the reactive pool and already passes the key as a bind parameter, so
-- no key is ever written into a statement's text, a setting or a table.
CREATE FUNCTION yavka_pii_decrypt(data bytea, current_key text, previous_key text) RETURNS text
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF data IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        RETURN pgp_sym_decrypt(data, current_key);
    EXCEPTION WHEN external_routine_invocation_exception OR data_exception THEN
        -- "Wrong key or corrupt data": outside a rotation that is the answer.
        IF coalesce(previous_key, '') = '' THEN
            RAISE;
        END IF;
        RETURN pgp_sym_decrypt(data, previous_key);
    END;
END
$$;

-- Fingerprint of the key that encrypted chat_id_enc / payload_enc, the same definition as
-- booking-service's patient.pii_key_id. NULL on rows written before this migration: they are
-- re-encrypted (and so labelled) by the first POST /api/admin/pii/re-encrypt.
ALTER TABLE chat_link ADD COLUMN pii_key_id text;
ALTER TABLE outgoing_message ADD COLUMN pii_key_id text;
