package io.okpay.kyc.boundary;

/** One file of a submission as it arrived: {@code field} is front, back or selfie; the content is checked, not trusted. */
public record Upload(String field, byte[] content) {
}
