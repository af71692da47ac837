-- Key rotation without downtime: reads accept the current key and, during a rotation, the
-- previous one; each row records which key (by fingerprint, never the key) encrypted it.
CREATE FUNCTION yavka_pii_decrypt(data bytea) RETURNS text
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF data IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        RETURN pgp_sym_decrypt(data, current_setting('yavka.pii_key'));
    EXCEPTION WHEN external_routine_invocation_exception OR data_exception THEN
        IF coalesce(current_setting('yavka.pii_previous_key', true), '') = '' THEN
            RAISE;
        END IF;
        RETURN pgp_sym_decrypt(data, current_setting('yavka.pii_previous_key', true));
    END;
END
$$;

ALTER TABLE patient ADD COLUMN pii_key_id text;
