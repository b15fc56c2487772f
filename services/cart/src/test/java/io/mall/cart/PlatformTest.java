package io.mall.cart;

import java.util.Set;

import io.mall.testing.MallTestResource;
import io.mall.testing.PlatformContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "cart"),
        @ResourceArg(name = "servers", value = "redis,kafka") })
class PlatformTest extends PlatformContractTest {

    @Override
    protected Set<String> readinessChecks() {
        return Set.of("Redis connection health check");
    }

    @Override
    protected Set<String> internalOperations() {
        return Set.of("GET /internal/carts/{userId}");
    }
}
