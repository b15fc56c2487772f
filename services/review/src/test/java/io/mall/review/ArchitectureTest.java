package io.mall.review;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.mall.testing.ArchitectureRules;

/** The layering of the design document, section 1, held by tests instead of by review. */
class ArchitectureTest {

    private static final String ROOT = "io.mall.review";
    private final JavaClasses classes = ArchitectureRules.of(ROOT);

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava(ROOT).check(classes);
    }

    @Test
    void theStoreNeverReachesUpToTheApiOrTheApplication() {
        ArchitectureRules.storeNeverReachesUp(ROOT).check(classes);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        ArchitectureRules.noPackageCycles(ROOT).check(classes);
    }
}
