package io.mall.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering every Mall service keeps (the design document, section 1): the domain decides in
 * plain Java, the store only reads and writes, and the service's packages form no cycle; and two
 * rules of its operation: a stopping service starts no scheduled job, and no code runs a JTA
 * transaction.
 * {@link ArchitectureContractTest} checks them against a service's main classes.
 */
public final class ArchitectureRules {

    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    private static final String NOT_RUNNING = "io.quarkus.scheduler.Scheduled$ApplicationNotRunning";

    private ArchitectureRules() {
    }

    /** The service's classes, tests left out. */
    public static JavaClasses of(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /** The domain knows nothing of HTTP, Vert.x, Mutiny or how errors become HTTP answers. */
    public static ArchRule domainIsPlainJava(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                        "io.smallrye.mutiny..", "io.mall.problem..", rootPackage + ".api..", rootPackage + ".app..",
                        rootPackage + ".store..", rootPackage + ".messaging..", rootPackage + ".client..")
                .because("the domain decides in plain Java and throws domain exceptions, which libs/problem alone maps to HTTP")
                .allowEmptyShould(true);
    }

    /** The store reads and writes; it is used by the layers above and uses none of them. */
    public static ArchRule storeNeverReachesUp(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(rootPackage + ".api..", rootPackage + ".app..")
                .because("data flows api → app → store, never back")
                .allowEmptyShould(true);
    }

    /** No two packages of the service need each other. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /**
     * A scheduled job starts only while the service runs. As a service stops, its database pools
     * close seconds before its scheduler does, and a job started in between fails on a closed pool
     * and logs that it will try again, on every rolling restart.
     */
    public static ArchRule scheduledJobsSkipWhileStopping(String rootPackage) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
                .and().areAnnotatedWith(SCHEDULED)
                .should(skipWhileTheApplicationIsNotRunning())
                .allowEmptyShould(true);
    }

    /**
     * Transactions are reactive ({@code @WithTransaction}, or one SQL statement), never JTA. The JDBC
     * pool Flyway needs and MongoDB with Panache bring the JTA transaction manager all the same, and
     * each service tells context propagation to leave its context alone
     * ({@code mp.context.ThreadContext.unchanged=Transaction}) rather than capture and restore it
     * around every step of every pipeline. A JTA transaction would then not follow its pipeline
     * from thread to thread, so none may be started.
     */
    public static ArchRule noJtaTransactions(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.transaction..", "io.quarkus.narayana..")
                .because("JTA context is not propagated (mp.context.ThreadContext.unchanged=Transaction)")
                .allowEmptyShould(true);
    }

    private static ArchCondition<JavaMethod> skipWhileTheApplicationIsNotRunning() {
        return new ArchCondition<>("skip their executions while the application is not running"
                + " (skipExecutionIf = Scheduled.ApplicationNotRunning.class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Object skipIf = method.getAnnotationOfType(SCHEDULED).get("skipExecutionIf").orElse(null);
                boolean skips = skipIf instanceof JavaClass predicate && predicate.getName().equals(NOT_RUNNING);
                events.add(new SimpleConditionEvent(method, skips,
                        method.getFullName() + (skips ? " skips" : " does not skip") + " its executions while the service stops"));
            }
        };
    }
}
