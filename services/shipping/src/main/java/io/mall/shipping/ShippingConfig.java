package io.mall.shipping;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** {@code mall.shipping.*}. */
@ConfigMapping(prefix = "mall.shipping")
public interface ShippingConfig {

    PersonalData personalData();

    /** How many addresses one shopper may keep. */
    int addressesPerShopper();

    interface PersonalData {
        String activeKey();

        Map<String, String> keys();
    }
}
