package io.mall.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

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
    void refusesToStartWithoutItsActiveKey() {
        assertThatThrownBy(() -> cipher("2026", Map.of("2025", KEY_2025)))
                .hasMessageContaining("active-key '2026'");
    }

    private static PersonalDataCipher cipher(String activeKey, Map<String, String> keys) {
        return new PersonalDataCipher(keys, activeKey, "mall.test.personal-data");
    }
}
