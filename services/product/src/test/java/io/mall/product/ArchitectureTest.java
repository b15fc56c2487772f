package io.mall.product;

import io.mall.testing.ArchitectureContractTest;

class ArchitectureTest extends ArchitectureContractTest {

    ArchitectureTest() {
        super("io.mall.product");
    }
}
