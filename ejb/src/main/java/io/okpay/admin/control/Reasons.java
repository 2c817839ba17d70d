package io.okpay.admin.control;

import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;

import java.util.List;

/** Every operator action states why: 3 to 500 characters, kept in the audit log with the action. */
public final class Reasons {

    public static final int MIN = 3;
    public static final int MAX = 500;

    private Reasons() {
    }

    /** The reason, stripped; a field error on {@code field} when missing, too short or too long. */
    public static String require(String reason, String field) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.length() < MIN || stripped.length() > MAX) {
            throw BusinessException.invalid(List.of(new FieldError(field, "reason_required", MIN, MAX)));
        }
        return stripped;
    }

    public static String require(String reason) {
        return require(reason, "reason");
    }
}
