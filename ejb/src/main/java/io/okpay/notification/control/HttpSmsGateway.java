package io.okpay.notification.control;

import jakarta.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real SMS provider over HTTP: POSTs {@code {"to": "+4479...", "text": "..."}} as JSON to okpay.sms.http.url with
 * {@code Authorization: Bearer <okpay.sms.http.token>}; any 2xx answer means accepted. Providers with another shape
 * sit behind a small adapter service or a subclass.
 */
public class HttpSmsGateway implements SmsGateway {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    public HttpSmsGateway(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    @Override
    public void send(String phoneNumber, String text) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("to", phoneNumber).add("text", text).build().toString()));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            // The status only: provider answers may echo the number or the text.
            throw new IllegalStateException("SMS provider answered " + response.statusCode());
        }
    }
}
