/**
 * Commands to the shipping service ({@code shipping.commands}) and its events
 * ({@code shipping.events}); every message is about one order (its id is the envelope's subject).
 */
package io.mall.contracts.shipping;
