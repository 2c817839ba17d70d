package io.okpay.support.chat;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.support.boundary.SupportChats;
import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.StringReader;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What both endpoints do alike: admitting a signed-in user's socket, checking the user again for every message and
 * handing it over read, answering refusals in the page's language, leaving the hub. Each endpoint keeps only what
 * differs: who is admitted, what a new socket is sent, and what each message does.
 */
final class ChatSockets {

    private static final String USER = "okpay.chat.user";
    /** The largest message a browser may send (a chat line is far shorter; the line's own limit says so politely). */
    static final int MAX_MESSAGE_BYTES = 65536;

    /** A browser's message: its type ("" when the text is not a JSON object) and its string members. */
    record Message(String type, JsonObject json) {

        /** The member as a string; null when it is missing or not a string. */
        String string(String name) {
            return json != null && json.get(name) instanceof JsonString s ? s.getString() : null;
        }
    }

    /** What an endpoint does with one message of its signed-in user. */
    @FunctionalInterface
    interface Handler {
        void handle(String userId, Message message);
    }

    private ChatSockets() {
    }

    /**
     * The id of the socket's user when they are signed in and {@code admitted}: the socket is then theirs (noted on it,
     * its message size set) and the endpoint lets it join the hub. Anyone else's socket is closed, and the answer empty.
     */
    static Optional<String> admit(Session socket, Predicate<UserView> admitted) {
        Optional<UserView> user = user(socket).filter(admitted);
        if (user.isEmpty()) {
            refuse(socket);
            return Optional.empty();
        }
        socket.getUserProperties().put(USER, user.get().id());
        socket.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        return Optional.of(user.get().id());
    }

    /**
     * Hands a browser's message to {@code handler} while the socket's user is still signed in (a session ended since
     * the socket opened closes it); a business refusal goes back as an error, naming the message's chat if it named one.
     */
    static void receive(Session socket, String text, Handler handler) {
        String userId = (String) socket.getUserProperties().get(USER);
        if (userId == null || user(socket).isEmpty()) {
            refuse(socket);
            return;
        }
        Message message = read(text);
        try {
            handler.handle(userId, message);
        } catch (RuntimeException e) {
            error(socket, e, message.string("chat"));
        }
    }

    /** The socket leaves the hub when it closes (a refused one never joined). */
    static void leave(Session socket) {
        String userId = (String) socket.getUserProperties().get(USER);
        if (userId != null) {
            hub().leave(userId, socket);
        }
    }

    static ChatHub hub() {
        return CDI.current().select(ChatHub.class).get();
    }

    static SupportChats chats() {
        return CDI.current().select(SupportChats.class).get();
    }

    /**
     * The socket's signed-in user: the principal of the handshake, whose session row (from the HTTP session, by
     * {@link ChatSocketConfigurator}) is still open and is that user's.
     */
    private static Optional<UserView> user(Session socket) {
        Principal principal = socket.getUserPrincipal();
        Object row = socket.getUserProperties().get(ChatSocketConfigurator.SESSION_ROW);
        if (principal == null || !(row instanceof String id)) {
            return Optional.empty();
        }
        return CDI.current().select(SignIns.class).get().session(id).filter(u -> u.id().equals(principal.getName()));
    }

    private static Locale locale(Session socket) {
        var lang = socket.getRequestParameterMap().get("lang");
        return Messages.supported(Locale.forLanguageTag(lang == null || lang.isEmpty() ? "en" : lang.get(0).replace('_', '-')));
    }

    private static void refuse(Session socket) {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
        } catch (IOException e) {
            // gone already
        }
    }

    private static Message read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            return new Message(json.get("type") instanceof JsonString type ? type.getString() : "", json);
        } catch (JsonException | IllegalStateException e) {
            return new Message("", null);
        }
    }

    /** A refusal the browser shows next to the input: its code and the text in the page's language. */
    private static void error(Session socket, RuntimeException failure, String chatId) {
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
