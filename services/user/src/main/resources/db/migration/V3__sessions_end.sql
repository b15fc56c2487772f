-- A session ends a fixed time after its sign-in however often it is refreshed: each refresh token
-- carries when its family's sign-in happened (for existing families, their first token's time).
ALTER TABLE refresh_tokens ADD COLUMN session_started_at timestamptz;
UPDATE refresh_tokens token SET session_started_at = (
    SELECT min(first.created_at) FROM refresh_tokens first WHERE first.family_id = token.family_id);
ALTER TABLE refresh_tokens ALTER COLUMN session_started_at SET NOT NULL;
