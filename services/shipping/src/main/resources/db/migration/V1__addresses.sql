-- Shoppers' address books. The recipient's name and phone are personal data, stored encrypted
-- ("<key id>:<base64>", AES-256-GCM bound to the address id); the rest is what a courier needs.
CREATE TABLE addresses (
    id                uuid PRIMARY KEY,
    user_id           uuid         NOT NULL,
    label             varchar(40),
    country           char(2)      NOT NULL,
    postal_code       varchar(12),
    region            varchar(100),
    city              varchar(100),
    line1             varchar(200) NOT NULL,
    line2             varchar(200),
    recipient_cipher  text         NOT NULL,
    phone_cipher      text         NOT NULL,
    is_default        boolean      NOT NULL DEFAULT false,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0
);
CREATE INDEX addresses_user ON addresses (user_id, created_at DESC);
-- at most one default per shopper, whatever two requests do at once
CREATE UNIQUE INDEX addresses_one_default ON addresses (user_id) WHERE is_default;
