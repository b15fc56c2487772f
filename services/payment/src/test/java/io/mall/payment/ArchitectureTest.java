package io.mall.payment;

import io.mall.testing.ArchitectureContractTest;

class ArchitectureTest extends ArchitectureContractTest {

    ArchitectureTest() {
        super("io.mall.payment");
    }
}
