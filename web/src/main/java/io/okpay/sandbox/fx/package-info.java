/**
 * The sandbox's exchange-rate feed at {@code /sandbox/fx/eurofxref-daily.xml}: a dated snapshot in the ECB's format,
 * read over HTTP by the same code that reads the ECB when {@code okpay.sandbox.fx.enabled=true} (404 otherwise).
 */
package io.okpay.sandbox.fx;
