package io.okpay.kyc.boundary;

import java.io.Serializable;

/** A file of a verification, without its content: id ({@code doc_...}), kind (front, back, selfie), type, size. */
public record DocumentView(String id, String kind, String contentType, long size) implements Serializable {

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
