/**
 * The shared kernel every feature uses: the business-exception family, localized messages, the values every money
 * feature reads the same way (money, idempotency keys, e-mail addresses), CSV files for spreadsheets and banks
 * ({@link io.okpay.shared.Csv}, formulas defused), schema migration and the datasource definition, database readiness,
 * and who runs this OKPay (the operator, from configuration);
 * {@code persistence} reads database failures and turns lost writes into a retryable conflict, {@code crypto} holds the
 * installation's master key (derived keys, sealing).
 */
package io.okpay.shared;
