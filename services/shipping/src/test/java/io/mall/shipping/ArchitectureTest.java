package io.mall.shipping;

import io.mall.testing.ArchitectureContractTest;

class ArchitectureTest extends ArchitectureContractTest {

    ArchitectureTest() {
        super("io.mall.shipping");
    }
}
