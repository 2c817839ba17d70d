package io.okpay.shared;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.Map;

/**
 * An expected business failure (insufficient funds, limit exceeded, invalid input ...). Rolls the transaction back and
 * reaches the client as problem+json in the API or as a FacesMessage on a page, always with the same stable code.
 * The visible text comes from the bundles under {@code error.<code>} with {@link #args()} as MessageFormat arguments.
 * The HTTP status is not the thrower's concern: the web module maps each code to one status, in one table.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private final String code;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;

    public BusinessException(String code, Object... args) {
        this(code, List.of(), args);
    }

    public BusinessException(String code, List<FieldError> fieldErrors, Object... args) {
        super(code);
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** Invalid input, with one error per field; the codes of the fields are looked up as {@code error.<code>}. */
    public static BusinessException invalid(List<FieldError> fieldErrors) {
        return new BusinessException("invalid_request", fieldErrors);
    }

    /** Unknown, or someone else's (never tell which). */
    public static BusinessException notFound() {
        return new BusinessException("not_found");
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * Members the API's problem document carries besides the standard ones (RFC 9457 extension members), in their
     * order; values are strings, numbers or nested maps of the same. None unless a subclass has some to tell.
     */
    public Map<String, Object> problemFields() {
        return Map.of();
    }

    /** One rejected field: its name in the request and the code of what is wrong with it. */
    public record FieldError(String field, String code, Object... args) {
    }
}
