-- Sign-in attempts are counted per subject (an account and address, an account, an address) and
-- throttled with growing delays instead of locking the account: the lock's columns go.
CREATE TABLE login_attempts (
    subject          varchar(64) PRIMARY KEY,
    failures         integer     NOT NULL,
    next_allowed_at  timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX login_attempts_idle ON login_attempts (updated_at);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
