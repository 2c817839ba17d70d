package io.okpay.shared.rest;

import io.okpay.shared.JsonBuilders;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.RequestIds;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds RFC 9457 problem documents: type, title, status, detail, a stable code, the request id and, for invalid input,
 * one entry per field. Titles and details are localized; nothing from an exception's message or class reaches them.
 * The status is the code's, from {@link ProblemStatuses}.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    private static final String TYPE_PREFIX = "urn:okpay:problem:";
    /** Refusals whose first argument is the seconds to wait: the answer says it in Retry-After too. */
    private static final Set<String> WAIT_SECONDS_FIRST = Set.of("sign_in_throttled", "resend_too_soon",
            "password_check_busy", "sign_up_throttled", "too_many_wrong_codes");

    private Problems() {
    }

    public static Response of(BusinessException e, Locale locale) {
        return of(e, locale, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** A problem document with extension members (RFC 9457 section 3.2), e.g. the challenge to answer. */
    public static Response of(BusinessException e, Locale locale, JsonObject extensions) {
        return of(ProblemStatuses.of(e.code()), e, locale, extensions);
    }

    /** A refusal's own extension members ({@link BusinessException#problemFields()}) as JSON. */
    @SuppressWarnings("unchecked")
    public static JsonObject extensions(java.util.Map<String, Object> fields) {
        JsonObjectBuilder members = JsonBuilders.JSON.createObjectBuilder();
        fields.forEach((name, value) -> {
            if (value instanceof java.util.Map<?, ?> nested) {
                members.add(name, extensions((java.util.Map<String, Object>) nested));
            } else if (value instanceof Long number) {
                members.add(name, number);
            } else if (value instanceof Integer number) {
                members.add(name, number);
            } else if (value != null) {
                members.add(name, value.toString());
            }
        });
        return members.build();
    }

    /** The refusal with another status than its code's, where a protocol prescribes one (OAuth's 401s). */
    public static Response of(int status, BusinessException e, Locale locale, JsonObject extensions) {
        Response problem = build(status, e.code(), Messages.get(locale, "error." + e.code(), e.args()), e.fieldErrors(),
                locale, extensions);
        if (WAIT_SECONDS_FIRST.contains(e.code()) && e.args().length > 0) {
            return Response.fromResponse(problem).header("Retry-After", e.args()[0]).build();
        }
        return problem;
    }

    /** A failure that is no business refusal (malformed JSON, an unknown path, ...), by its code. */
    public static Response of(String code, Locale locale) {
        return build(ProblemStatuses.of(code), code, Messages.get(locale, "error." + code), List.of(), locale,
                JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * The answer to a bare HTTP error status that carries no code of ours (JAX-RS's own, the container's): the statuses
     * a client can act on keep theirs with their code; other client errors are a 400 malformed_request, server errors
     * a 500 internal_error.
     */
    public static Response ofStatus(int status, Locale locale) {
        int answered = answeredStatus(status);
        return of(answered, codeOf(answered), locale);
    }

    private static Response of(int status, String code, Locale locale) {
        return build(status, code, Messages.get(locale, "error." + code), List.of(), locale, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** {@link #ofStatus} as a document alone, for answers written outside JAX-RS (the container's errors under /api). */
    public static String document(int status, Locale locale) {
        int answered = answeredStatus(status);
        String code = codeOf(answered);
        return body(answered, code, Messages.get(locale, "error." + code), List.of(), locale, JsonValue.EMPTY_JSON_OBJECT);
    }

    public static int answeredStatus(int status) {
        return switch (status) {
            case 401, 403, 404, 405, 406, 413, 415, 429 -> status;
            default -> status >= 500 ? 500 : 400;
        };
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 500 -> "internal_error";
            default -> "malformed_request";
        };
    }

    private static Response build(int status, String code, String detail, List<BusinessException.FieldError> fieldErrors,
                                  Locale locale, JsonObject extensions) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, code, detail, fieldErrors, locale, extensions))
                .build();
    }

    private static String body(int status, String code, String detail, List<BusinessException.FieldError> fieldErrors,
                               Locale locale, JsonObject extensions) {
        JsonObjectBuilder body = JsonBuilders.JSON.createObjectBuilder()
                .add("type", TYPE_PREFIX + code)
                .add("title", Messages.get(locale, "problem.title." + status))
                .add("status", status)
                .add("detail", detail)
                .add("code", code)
                .add("request_id", RequestIds.current());
        if (!fieldErrors.isEmpty()) {
            JsonArrayBuilder errors = JsonBuilders.JSON.createArrayBuilder();
            for (BusinessException.FieldError error : fieldErrors) {
                errors.add(JsonBuilders.JSON.createObjectBuilder()
                        .add("field", error.field())
                        .add("code", error.code())
                        .add("detail", Messages.get(locale, "error." + error.code(), error.args())));
            }
            body.add("errors", errors);
        }
        extensions.forEach(body::add);
        return body.build().toString();
    }
}
