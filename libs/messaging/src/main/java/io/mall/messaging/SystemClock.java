package io.mall.messaging;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock a service reads time from (envelopes are stamped with it), so rules about time
 * can be tested with another: a service or test that produces its own {@link Clock} replaces it.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
