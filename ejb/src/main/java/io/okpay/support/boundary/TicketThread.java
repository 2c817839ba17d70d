package io.okpay.support.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.Serializable;
import java.util.List;

/** A ticket with its messages, oldest first (for the person: without the desk's notes). */
public record TicketThread(TicketView ticket, List<MessageView> messages) implements Serializable {

    public JsonObject json() {
        JsonArrayBuilder thread = Json.createArrayBuilder();
        messages.forEach(m -> thread.add(m.json()));
        return Json.createObjectBuilder(ticket.json()).add("messages", thread).build();
    }
}
