package io.mall.shipping.store;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.mall.personaldata.PersonalDataCipher;
import io.mall.shipping.ShippingConfig;

/** Recipients' names and phones are encrypted with the keys in {@code mall.shipping.personal-data.*}. */
public class PersonalDataKeys {

    @Produces
    @Singleton
    PersonalDataCipher cipher(ShippingConfig config) {
        return new PersonalDataCipher(config.personalData().keys(), config.personalData().activeKey(), "mall.shipping.personal-data");
    }
}
