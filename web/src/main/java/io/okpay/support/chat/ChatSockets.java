package io.okpay.support.chat;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.StringReader;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

/** What both endpoints do alike: who the socket is, reading a browser's message, answering errors in its language. */
final class ChatSockets {

    static final String USER = "okpay.chat.user";
    /** The largest message a browser may send (a chat line is far shorter; the line's own limit says so politely). */
    static final int MAX_MESSAGE_BYTES = 65536;

    private ChatSockets() {
    }

    /**
     * The socket's signed-in user: the principal of the handshake, whose session row (from the HTTP session, by
     * {@link ChatSocketConfigurator}) is still open and is that user's. Anything else closes the socket.
     */
    static Optional<UserView> user(Session socket, SignIns signIns) {
        Principal principal = socket.getUserPrincipal();
        Object row = socket.getUserProperties().get(ChatSocketConfigurator.SESSION_ROW);
        if (principal == null || !(row instanceof String id)) {
            return Optional.empty();
        }
        return signIns.session(id).filter(u -> u.id().equals(principal.getName()));
    }

    static Locale locale(Session socket) {
        var lang = socket.getRequestParameterMap().get("lang");
        return Messages.supported(Locale.forLanguageTag(lang == null || lang.isEmpty() ? "en" : lang.get(0).replace('_', '-')));
    }

    static void refuse(Session socket) {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
        } catch (IOException e) {
            // gone already
        }
    }

    /** The browser's message as JSON, or null when it is not a JSON object. */
    static JsonObject read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    static String string(JsonObject message, String name) {
        var value = message.get(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    /** A refusal the browser shows next to the input: its code and the text in the page's language. */
    static void error(Session socket, RuntimeException failure, String chatId) {
        BusinessException business = business(failure);
        if (business == null) {
            throw failure;
        }
        var json = Json.createObjectBuilder().add("type", "error").add("code", business.code())
                .add("text", Messages.get(locale(socket), "error." + business.code(), business.args()));
        if (chatId != null) {
            json.add("chat", chatId);
        }
        ChatHub.send(socket, json.build());
    }

    private static BusinessException business(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessException b) {
                return b;
            }
            if (!(t instanceof EJBException) && t != failure) {
                break;
            }
        }
        return null;
    }
}
