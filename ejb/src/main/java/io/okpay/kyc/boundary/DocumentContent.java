package io.okpay.kyc.boundary;

/** A document's content, opened for compliance: its type and bytes. */
public record DocumentContent(String id, String kind, String contentType, byte[] content) {
}
