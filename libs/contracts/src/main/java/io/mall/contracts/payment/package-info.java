/**
 * Commands to the payment service ({@code payment.commands}) and its events ({@code payment.events}).
 * Money is always an integer amount in the currency's minor unit (cents; won have none) with its
 * ISO 4217 code; every message is about one order (its id is the envelope's subject).
 */
package io.mall.contracts.payment;
