package io.okpay.support.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.Serializable;

/** A file of a message: its name as sent, its type as its content shows, its size. */
public record AttachmentView(String id, String fileName, String contentType, long size) implements Serializable {

    public JsonObject json() {
        return Json.createObjectBuilder().add("id", id).add("file_name", fileName).add("content_type", contentType)
                .add("size", size).build();
    }
}
