/**
 * The sandbox demo shop at {@code /sandbox/shop/}: one item, bought through OKPay's checkout exactly as a real shop
 * would (its server exchanges the shop's API key for a token and creates a checkout session over HTTP, then sends the
 * browser to the session's url). Off (404) unless {@code okpay.sandbox.enabled=true}.
 */
package io.okpay.sandbox.shop;
