/**
 * The shared kernel every feature uses: the business-exception family, localized messages, schema migration and the
 * datasource definition, database readiness, and who runs this OKPay (the operator, from configuration).
 */
package io.okpay.shared;
