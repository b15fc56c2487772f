package io.mall.notification;

import java.util.Set;

import io.mall.testing.MallTestResource;
import io.mall.testing.PlatformContractTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "notification"),
        @ResourceArg(name = "servers", value = "postgres,kafka,smtp") })
class PlatformTest extends PlatformContractTest {

    @Override
    protected Set<String> readinessChecks() {
        return Set.of("Reactive PostgreSQL connections health check");
    }
}
