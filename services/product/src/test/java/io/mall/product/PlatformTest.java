package io.mall.product;

import java.util.Set;

import io.mall.testing.MallTestResource;
import io.mall.testing.PlatformContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class PlatformTest extends PlatformContractTest {

    @Override
    protected Set<String> readinessChecks() {
        return Set.of("MongoDB connection health check");
    }

    @Override
    protected Set<String> internalOperations() {
        return Set.of("GET /internal/skus", "POST /internal/reservations", "GET /internal/reservations/{orderId}",
                "POST /internal/reservations/{orderId}/release", "POST /internal/reservations/{orderId}/commit");
    }
}
