package io.okpay.webhook.boundary;

/** An endpoint just created, or whose secret was just rotated, with the secret: shown this once, never again. */
public record EndpointWithSecret(EndpointView endpoint, String secret) {
}
