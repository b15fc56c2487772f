package io.mall.user.store;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.mall.personaldata.PersonalDataCipher;
import io.mall.user.UserConfig;

/** Display names and phone numbers are encrypted with the keys in {@code mall.user.personal-data.*}. */
public class PersonalDataKeys {

    @Produces
    @Singleton
    PersonalDataCipher cipher(UserConfig config) {
        return new PersonalDataCipher(config.personalData().keys(), config.personalData().activeKey(), "mall.user.personal-data");
    }
}
