-- Accounts, their sessions (refresh-token families) and the outbox of user events.

CREATE TABLE users (
    id                   uuid PRIMARY KEY,
    email                varchar(254) NOT NULL,
    password_hash        varchar(100),
    -- personal data, AES-GCM encrypted: "<key id>:<base64 of nonce and ciphertext>"
    display_name_cipher  text,
    phone_cipher         text,
    locale               varchar(2)   NOT NULL,
    roles                varchar(100) NOT NULL,
    admin_locked         boolean      NOT NULL DEFAULT false,
    failed_logins        integer      NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    erased_at            timestamptz,
    version              bigint       NOT NULL DEFAULT 0
);
-- emails are stored normalised, so a plain unique index decides who registered first
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_created ON users (created_at DESC, id);

-- One row per refresh token ever issued. Only a hash of the token is kept. Tokens of one
-- sign-in share a family; presenting a used token revokes the family.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Events written in the same transaction as the change they report; the relay publishes them
-- to Kafka in order and marks them published.
CREATE TABLE outbox (
    seq           bigserial PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    topic         varchar(100) NOT NULL,
    message_key   varchar(100) NOT NULL,
    payload       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    lease_until   timestamptz,
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
