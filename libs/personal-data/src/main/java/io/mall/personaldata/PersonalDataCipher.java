package io.mall.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;


/**
 * Encrypts personal data (names, phone numbers) before it reaches the database, with AES-256-GCM.
 * A stored value is {@code <key id>:<base64 of 12-byte nonce + ciphertext + tag>}: the key id lets
 * keys rotate (new values use the active key; old ones still decrypt with theirs), and the
 * owner's id as associated data stops a value from being copied onto another owner's record.
 * Plain Java: a service makes one from its configuration ({@code mall.<service>.personal-data.*})
 * and produces it as a bean.
 */
public final class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /**
     * One cipher object per thread, initialised anew for each value: looking the algorithm up is
     * most of the cost of decrypting a short value (a profile read decrypts two), and a cipher
     * object is not safe to share between threads.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES-GCM", e);
        }
    });

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;

    /**
     * @param keys      key id → 32 random bytes in base64
     * @param activeKey the id of the key new values are encrypted with
     * @param prefix    where the keys are configured, for the messages that say what is wrong
     */
    public PersonalDataCipher(Map<String, String> keys, String activeKey, String prefix) {
        keys.forEach((id, base64) -> {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != 32) {
                throw new IllegalStateException(prefix + ".keys." + id + " must be 32 bytes in base64");
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
        this.activeKey = activeKey;
        if (!this.keys.containsKey(activeKey)) {
            throw new IllegalStateException(prefix + ".active-key '" + activeKey + "' has no key in " + prefix + ".keys");
        }
    }

    public String encrypt(String plain, String owner) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return activeKey + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String stored, String owner) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        SecretKey key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("personal data of " + owner + " was encrypted with a key this service does not have");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data of " + owner + " does not decrypt: tampered or wrong key", e);
        }
    }

    /** Whether a stored value should be re-encrypted because its key is no longer the active one. */
    public boolean isStale(String stored) {
        return stored != null && !stored.startsWith(activeKey + ":");
    }
}
