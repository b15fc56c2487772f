package io.mall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens for tests, signed with a key pair made for this JVM only: no private key is ever
 * committed. {@link MallTestResource} makes the service under test trust the public half.
 * The forging helpers build the tokens a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://mall.test/user";
    public static final String AUDIENCE = "mall";
    /** The {@code kid} of every token signed here; a stranger's forgery claims it too. */
    public static final String KEY_ID = "test-key";

    private static final KeyPair SIGNING = newKeyPair();
    private static final KeyPair STRANGER = newKeyPair();
    private static final Path PUBLIC_KEY_FILE = writePublicKey();

    private TestTokens() {
    }

    /** Settings that make smallrye-jwt in the service under test accept this class's tokens. */
    static Map<String, String> verificationConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", PUBLIC_KEY_FILE.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /**
     * Writes this JVM's signing key as {@code test-key.pem} (PKCS#8) into {@code dir}, for a service
     * under test that issues tokens itself: then the tokens it issues and this class's tokens are
     * verified by the same public key.
     */
    public static void writeSigningKey(Path dir) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(SIGNING.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(KEY_ID + ".pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid token for a shopper. */
    public static String customer(String userId) {
        return forUser(userId, "CUSTOMER");
    }

    public static String support(String userId) {
        return forUser(userId, "SUPPORT");
    }

    public static String admin(String userId) {
        return forUser(userId, "ADMIN");
    }

    /** A service's token, as the user service issues it for the client-credentials grant. */
    public static String service(String clientId) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(clientId)
                .groups(Set.of("SERVICE"))
                .claim("jti", UUID.randomUUID().toString())
                .claim("client_id", clientId)
                .expiresIn(300)
                .jws().keyId(KEY_ID).sign(SIGNING.getPrivate());
    }

    /** A valid token for {@code userId} holding {@code roles}. */
    public static String forUser(String userId, String... roles) {
        return claims(userId, roles).jws().keyId(KEY_ID).sign(SIGNING.getPrivate());
    }

    /** Claims of a valid token, for a test that changes one of them before signing. */
    public static JwtClaimsBuilder claims(String userId, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId)
                .upn(userId + "@mall.test")
                .groups(Set.of(roles))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(900);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(SIGNING.getPrivate());
    }

    /** Well-formed, but signed by a key the service has never seen. */
    public static String signedByStranger(String userId, String... roles) {
        return claims(userId, roles).jws().keyId(KEY_ID).sign(STRANGER.getPrivate());
    }

    public static String expired(String userId, String... roles) {
        Instant longAgo = Instant.now().minusSeconds(7200);
        return claims(userId, roles).issuedAt(longAgo).expiresAt(longAgo.plusSeconds(900)).jws().keyId(KEY_ID).sign(SIGNING.getPrivate());
    }

    public static String fromOtherIssuer(String userId, String... roles) {
        return claims(userId, roles).issuer("https://evil.example/issuer").jws().keyId(KEY_ID).sign(SIGNING.getPrivate());
    }

    public static String forOtherAudience(String userId, String... roles) {
        return claims(userId, roles).audience("some-other-system").jws().keyId(KEY_ID).sign(SIGNING.getPrivate());
    }

    /** The classic {@code alg: none} forgery: valid claims, no signature at all. */
    public static String unsigned(String userId, String... roles) {
        String signed = forUser(userId, roles);
        String payload = signed.split("\\.")[1];
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    /** A valid customer token whose payload was edited afterwards to claim ADMIN; the signature no longer fits. */
    public static String tamperedToAdmin(String userId) {
        String[] parts = customer(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"CUSTOMER\"", "\"ADMIN\"");
        if (forged.equals(payload)) {
            throw new IllegalStateException("token payload has no CUSTOMER group to tamper with: " + payload);
        }
        return parts[0] + "." + base64Url(forged) + "." + parts[2];
    }

    /**
     * The claims of a token this platform signed (the test key, issuer and audience) that has not
     * expired; empty for anything else. For stand-ins of other services that must check callers.
     */
    public static java.util.Optional<org.jose4j.jwt.JwtClaims> verified(String token) {
        try {
            return java.util.Optional.of(new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                    .setVerificationKey(SIGNING.getPublic())
                    .setExpectedIssuer(ISSUER)
                    .setExpectedAudience(AUDIENCE)
                    .setRequireExpirationTime()
                    .build()
                    .processToClaims(token));
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            return java.util.Optional.empty();
        }
    }

    public static PrivateKey signingKey() {
        return SIGNING.getPrivate();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(SIGNING.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("mall-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test public key", e);
        }
    }
}
