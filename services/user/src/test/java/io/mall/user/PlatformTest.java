package io.mall.user;

import java.util.Set;

import io.mall.testing.PlatformContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class PlatformTest extends PlatformContractTest {

    @Override
    protected Set<String> readinessChecks() {
        return Set.of("Reactive PostgreSQL connections health check");
    }

    @Override
    protected Set<String> internalOperations() {
        return Set.of("GET /internal/users/{id}");
    }
}
