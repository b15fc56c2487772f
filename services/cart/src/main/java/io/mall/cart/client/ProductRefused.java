package io.mall.cart.client;

/**
 * The product service refused a lookup as malformed (a 4xx): asking again cannot help, and it
 * says nothing about the product service's health, so neither retry nor breaker count it.
 */
class ProductRefused extends RuntimeException {

    ProductRefused(int status) {
        super("the product service refused the lookup with " + status, null, false, false);
    }
}
