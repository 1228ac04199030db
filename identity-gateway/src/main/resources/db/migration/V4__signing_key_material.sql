-- The private signing keys are stored wrapped with the master key (a JWE per key), no longer as plain JWK.
-- Existing plain rows are wrapped by the gateway at its next start (it needs the master key to do so).
ALTER TABLE signing_key RENAME COLUMN private_jwk TO key_material;
