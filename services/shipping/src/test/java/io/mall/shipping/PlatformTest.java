package io.mall.shipping;

import java.util.Set;

import io.mall.testing.MallTestResource;
import io.mall.testing.PlatformContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "shipping"),
        @ResourceArg(name = "servers", value = "postgres,kafka") })
class PlatformTest extends PlatformContractTest {

    @Override
    protected Set<String> readinessChecks() {
        return Set.of("Reactive PostgreSQL connections health check");
    }

    @Override
    protected Set<String> internalOperations() {
        return Set.of("GET /internal/addresses/{id}");
    }
}
