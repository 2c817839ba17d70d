package io.okpay.support.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One message of a thread; notes ({@link MessageKind#NOTE}) only ever reach the desk. */
public record MessageView(String id, MessageKind kind, String authorId, Channel channel, String body, Instant createdAt,
                          List<AttachmentView> attachments) implements Serializable {

    public JsonObject json() {
        JsonArrayBuilder files = Json.createArrayBuilder();
        attachments.forEach(a -> files.add(a.json()));
        return Json.createObjectBuilder().add("id", id).add("from", kind == MessageKind.CUSTOMER ? "you" : "support")
                .add("kind", kind.code()).add("channel", channel.code()).add("body", body)
                .add("created", createdAt.toString()).add("attachments", files).build();
    }
}
