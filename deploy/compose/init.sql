-- Databases of the Yavka services; run by the postgres image on a fresh volume.
-- \gexec keeps it safe to run again by hand (PostgreSQL has no CREATE DATABASE IF NOT EXISTS).
SELECT format('CREATE DATABASE %I', db)
FROM unnest(ARRAY['yavka_booking', 'yavka_reminder', 'yavka_triage', 'yavka_integration',
                  'yavka_notification', 'yavka_telegram', 'yavka_audit']) AS db
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = db)
\gexec
