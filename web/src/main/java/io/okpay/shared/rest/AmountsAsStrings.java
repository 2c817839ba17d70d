package io.okpay.shared.rest;

import io.okpay.shared.BusinessException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Amounts in the API are decimal strings ({@code "amount": "12.50"}), never JSON numbers: a number would pass through
 * a double somewhere between the client and us, and JSON-B would quietly turn {@code 1.5} into the text "1.5". Before any
 * JSON body is read into a request record, every member named {@code amount} or ending in {@code _amount}, at any
 * depth, must be a string or null; otherwise the request is a 400 with a field error {@code amount_not_string} per
 * such member. One place for every endpoint that takes an amount.
 */
@Provider
public class AmountsAsStrings implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        List<String> numbers = amountsNotStrings(body);
        if (!numbers.isEmpty()) {
            throw BusinessException.invalid(numbers.stream()
                    .map(field -> new BusinessException.FieldError(field, "amount_not_string")).toList());
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * The amount members of a JSON document whose value is neither a string nor null, by name, in document order. A
     * document that is not JSON has none here: reading it fails as malformed JSON, as it would without this check.
     */
    static List<String> amountsNotStrings(byte[] json) {
        List<String> found = new ArrayList<>();
        // The member name just read: the next event is its value. Array elements have none.
        String key = null;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(json))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY, VALUE_NUMBER, VALUE_TRUE, VALUE_FALSE -> {
                        if (isAmount(key)) {
                            found.add(key);
                        }
                        key = null;
                    }
                    default -> key = null;
                }
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException notJson) {
            return List.of();
        }
        return found;
    }

    private static boolean isAmount(String key) {
        return key != null && (key.equals("amount") || key.endsWith("_amount"));
    }
}
