package io.okpay.support.boundary;

/** An attachment opened for download. */
public record AttachmentFile(String fileName, String contentType, byte[] content) {
}
