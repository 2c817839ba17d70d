package io.okpay.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Checks on the API's problem+json answers that every feature's tests make. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** A 400 invalid_request whose first field error names this field and code, with a localized detail. */
    public static void assertFieldError(HttpResponse<String> response, String field, String code) {
        assertEquals(400, response.statusCode(), response.body());
        JsonObject problem = Http.json(response);
        assertEquals("invalid_request", problem.getString("code"), response.body());
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"), response.body());
        assertEquals(code, error.getString("code"), response.body());
        assertFalse(error.getString("detail").isBlank(), response.body());
    }

    /** A 404 not_found: what someone else owns answers exactly like what does not exist. */
    public static void assertNotFound(HttpResponse<String> response) {
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("not_found", Http.json(response).getString("code"));
    }
}
