-- An Idempotency-Key names one submission: a citizen's key is unique among her applications, so that a key
-- reused for another application is refused (422 idempotency-key-reused) instead of answered with the wrong
-- submission. Keys stored before, when nothing looked them up, may repeat: the earliest submission keeps its key.
UPDATE application a SET idempotency_key = NULL
WHERE idempotency_key IS NOT NULL AND EXISTS (
    SELECT 1 FROM application b
    WHERE b.citizen_subject = a.citizen_subject AND b.idempotency_key = a.idempotency_key
      AND (b.submitted_at, b.id) < (a.submitted_at, a.id));
CREATE UNIQUE INDEX application_idempotency_key ON application (citizen_subject, idempotency_key) WHERE idempotency_key IS NOT NULL;
