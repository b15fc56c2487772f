package io.mall.user.domain;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** An RS256 key pair with the id ({@code kid}) that tokens signed by it carry in their header. */
public record SigningKey(String id, Instant createdAt, PrivateKey privateKey, RSAPublicKey publicKey) {
}
