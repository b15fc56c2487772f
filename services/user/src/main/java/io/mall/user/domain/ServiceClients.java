package io.mall.user.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The services that may get a service token (OAuth2 client credentials), each known by its client
 * id and the SHA-256 of its secret: the secret itself is only in the caller's configuration, so a
 * leak of this service's configuration does not let anyone act as another service.
 */
public final class ServiceClients {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Compared against when the client id is unknown, so an unknown id takes as long as a wrong secret. */
    private static final byte[] NOBODY = new byte[32];

    private final Map<String, byte[]> secretHashes;

    /** @param secretHashes client id → SHA-256 of its secret, as 64 lower-case hex digits */
    public ServiceClients(Map<String, String> secretHashes) {
        this.secretHashes = secretHashes.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, entry -> {
                    String hash = entry.getValue().trim().toLowerCase(java.util.Locale.ROOT);
                    if (!SHA256_HEX.matcher(hash).matches()) {
                        throw new IllegalArgumentException("the secret hash of service client '" + entry.getKey()
                                + "' is not 64 hex digits of SHA-256");
                    }
                    return HexFormat.of().parseHex(hash);
                }));
    }

    /** The client id when the secret is that client's, else empty; in constant time for a given secret length. */
    public Optional<String> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = secretHashes.getOrDefault(clientId, NOBODY);
        boolean matches = MessageDigest.isEqual(expected, sha256(secret));
        return matches && secretHashes.containsKey(clientId) ? Optional.of(clientId) : Optional.empty();
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
