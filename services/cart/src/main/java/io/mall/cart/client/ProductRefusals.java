package io.mall.cart.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a 4xx answer of the product service into {@link ProductRefused}; 5xx stay failures to retry. */
class ProductRefusals implements ResponseExceptionMapper<ProductRefused> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 && status < 500;
    }

    @Override
    public ProductRefused toThrowable(Response response) {
        return new ProductRefused(response.getStatus());
    }
}
