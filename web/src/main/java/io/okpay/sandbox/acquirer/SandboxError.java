package io.okpay.sandbox.acquirer;

/** A refusal of the sandbox processor, answered as {@code {"error":{"code":..., "message":...}}} with its status. */
class SandboxError extends RuntimeException {

    private final int status;
    private final String code;

    SandboxError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
