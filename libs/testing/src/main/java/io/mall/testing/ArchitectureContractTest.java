package io.mall.testing;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The layering of the design document, section 1, that a stopping service starts no scheduled job,
 * and that no code runs a JTA transaction, held by tests instead of by review. A service's {@code ArchitectureTest} extends this class
 * and names its root package.
 */
public abstract class ArchitectureContractTest {

    private final String root;
    private final JavaClasses classes;

    protected ArchitectureContractTest(String rootPackage) {
        this.root = rootPackage;
        this.classes = ArchitectureRules.of(rootPackage);
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava(root).check(classes);
    }

    @Test
    void theStoreNeverReachesUpToTheApiOrTheApplication() {
        ArchitectureRules.storeNeverReachesUp(root).check(classes);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        ArchitectureRules.noPackageCycles(root).check(classes);
    }

    @Test
    void noScheduledJobStartsWhileTheServiceStops() {
        ArchitectureRules.scheduledJobsSkipWhileStopping(root).check(classes);
    }

    @Test
    void noCodeRunsAJtaTransaction() {
        ArchitectureRules.noJtaTransactions(root).check(classes);
    }
}
