package io.okpay.funding.control;

/**
 * The card processor could not give a usable answer: unreachable, timed out, a 5xx, or a refused API key. Retried
 * (where the call carries an idempotency key) and counted by the circuit breaker; people see
 * {@code card_gateway_unavailable}. The message is for the log and never contains card data.
 */
class CardGatewayFailure extends RuntimeException {

    CardGatewayFailure(String message) {
        super(message);
    }

    CardGatewayFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
