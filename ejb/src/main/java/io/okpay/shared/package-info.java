/**
 * The shared kernel every feature uses: the business-exception family, localized messages, schema migration and the
 * datasource definition, database readiness.
 */
package io.okpay.shared;
