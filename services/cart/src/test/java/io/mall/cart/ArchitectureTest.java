package io.mall.cart;

import io.mall.testing.ArchitectureContractTest;

class ArchitectureTest extends ArchitectureContractTest {

    ArchitectureTest() {
        super("io.mall.cart");
    }
}
