package io.mall.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String KEY_2025 = "MjAyNS1rZXktb2YtdGhpcnR5LXR3by1ieXRlcy0hISE=";
    private static final String KEY_2026 = "MjAyNi1rZXktb2YtdGhpcnR5LXR3by1ieXRlcy0hISE=";

    @Test
    void encryptsSoThatOnlyTheSameAccountDecrypts() {
        PersonalDataCipher cipher = cipher("2026", Map.of("2026", KEY_2026));

        String stored = cipher.encrypt("+82 10 1234 5678", "account-1");

        assertThat(stored).startsWith("2026:").doesNotContain("1234");
        assertThat(cipher.encrypt("+82 10 1234 5678", "account-1")).isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "account-1")).isEqualTo("+82 10 1234 5678");
        assertThatThrownBy(() -> cipher.decrypt(stored, "account-2")).hasMessageContaining("does not decrypt");
    }

    @Test
    void afterAKeyRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        String old = cipher("2025", Map.of("2025", KEY_2025)).encrypt("김민지", "account-1");
        PersonalDataCipher rotated = cipher("2026", Map.of("2025", KEY_2025, "2026", KEY_2026));

        assertThat(rotated.decrypt(old, "account-1")).isEqualTo("김민지");
        assertThat(rotated.isStale(old)).isTrue();
        assertThat(rotated.encrypt("김민지", "account-1")).startsWith("2026:");
    }

    @Test
    void aValueThatDoesNotDecryptLeavesTheThreadAbleToDecryptTheNext() {
        PersonalDataCipher cipher = cipher("2026", Map.of("2026", KEY_2026));
        String stored = cipher.encrypt("김민지", "account-1");
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> cipher.decrypt(tampered, "account-1")).hasMessageContaining("does not decrypt");
        assertThat(cipher.decrypt(stored, "account-1")).isEqualTo("김민지");
        assertThat(cipher.decrypt(cipher.encrypt("박서준", "account-2"), "account-2")).isEqualTo("박서준");
    }

    @Test
    void manyThreadsEncryptingAndDecryptingAtOnceEachGetTheirOwnValuesBack() throws Exception {
        PersonalDataCipher cipher = cipher("2026", Map.of("2026", KEY_2026));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String plain = "고객 " + thread + "-" + i;
                        String owner = "account-" + thread;
                        if (!cipher.decrypt(cipher.encrypt(plain, owner), owner).equals(plain)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesToStartWithoutItsActiveKey() {
        assertThatThrownBy(() -> cipher("2026", Map.of("2025", KEY_2025)))
                .hasMessageContaining("active-key '2026'");
    }

    private static PersonalDataCipher cipher(String activeKey, Map<String, String> keys) {
        return new PersonalDataCipher(keys, activeKey, "mall.test.personal-data");
    }
}
