/** Commands to the product service ({@code product.commands}) and its events ({@code product.events}). */
package io.mall.contracts.product;
