package io.okpay.shared;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON-P provider for the whole application. Every static {@code jakarta.json.Json.createXxx()} call looks the
 * provider up again through the ServiceLoader, which scans the jars under a lock: on a transfer's hot path (two
 * receipt payloads per transfer, one read per delivered mail) that lookup cost more than the JSON itself.
 */
public final class JsonBuilders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonBuilders() {
    }
}
