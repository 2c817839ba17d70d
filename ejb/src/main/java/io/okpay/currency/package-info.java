/** The currency registry: which ISO 4217 currencies OKPay handles, their minor-unit exponent, which are enabled. */
package io.okpay.currency;
