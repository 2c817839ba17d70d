package io.okpay.support.boundary;

import java.io.Serializable;

/** A file someone sends with a message, as received: its name and its bytes (its type is read from the bytes). */
public record Upload(String fileName, byte[] content) implements Serializable {
}
