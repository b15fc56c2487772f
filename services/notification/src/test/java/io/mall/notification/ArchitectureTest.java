package io.mall.notification;

import io.mall.testing.ArchitectureContractTest;

class ArchitectureTest extends ArchitectureContractTest {

    ArchitectureTest() {
        super("io.mall.notification");
    }
}
