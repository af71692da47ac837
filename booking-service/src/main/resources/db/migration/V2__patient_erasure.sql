-- Withdrawal of consent erases the personal data in place; the row stays as a pseudonymous id
-- that past visits and the audit trail still point to.
ALTER TABLE patient ALTER COLUMN full_name DROP NOT NULL;
ALTER TABLE patient ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE patient ALTER COLUMN birth_date DROP NOT NULL;
ALTER TABLE patient ALTER COLUMN phone_hmac DROP NOT NULL;
ALTER TABLE patient ADD COLUMN erased_at timestamptz;
ALTER TABLE patient ADD CONSTRAINT patient_erased_or_whole CHECK (
    erased_at IS NOT NULL OR (full_name IS NOT NULL AND phone IS NOT NULL AND birth_date IS NOT NULL
                              AND phone_hmac IS NOT NULL));
