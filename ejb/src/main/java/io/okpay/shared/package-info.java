/**
 * The shared kernel every feature uses: the business-exception family, localized messages, schema migration and the
 * datasource definition, database readiness, who runs this OKPay (the operator, from configuration), and CSV files
 * for spreadsheets and banks ({@link io.okpay.shared.Csv}, formulas defused);
 * {@code persistence} reads database failures and turns lost writes into a retryable conflict, {@code crypto} holds the
 * installation's master key (derived keys, sealing).
 */
package io.okpay.shared;
