package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void trimsAndLowersTheAddress() {
        assertThat(EmailAddress.normalise("  Kim.Minji@Example.COM ")).contains("kim.minji@example.com");
    }

    @Test
    void composesUnicodeSoOneAddressHasOneSpelling() {
        String decomposed = "jose\u0301@example.com";
        String composed = "jos\u00e9@example.com";
        assertThat(EmailAddress.normalise(decomposed)).isEqualTo(EmailAddress.normalise(composed));
    }

    @Test
    void refusesWhatIsNotShapedLikeAnAddress() {
        assertThat(EmailAddress.normalise("kim")).isEmpty();
        assertThat(EmailAddress.normalise("kim@localhost")).isEmpty();
        assertThat(EmailAddress.normalise("kim@@example.com")).isEmpty();
        assertThat(EmailAddress.normalise("kim lee@example.com")).isEmpty();
        assertThat(EmailAddress.normalise(null)).isEmpty();
        assertThat(EmailAddress.normalise("a".repeat(250) + "@example.com")).isEmpty();
    }
}
