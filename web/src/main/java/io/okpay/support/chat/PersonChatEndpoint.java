package io.okpay.support.chat;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import io.okpay.support.boundary.ChatAuthor;
import io.okpay.support.boundary.ChatLineView;
import io.okpay.support.boundary.SupportChats;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.time.Instant;
import java.util.Optional;

/**
 * The person's side of the chat (/support/chat.xhtml): on open, whether the desk is online (when not, the page offers
 * a request and says when it will be answered), and the chat going on with its lines. From the browser:
 * {@code {"type":"line","text":…,"category":…}}, {@code {"type":"typing"}}, {@code {"type":"topic","category":…}},
 * {@code {"type":"end"}}. The chat is always the signed-in person's own: nothing sent names a chat or a person.
 */
@ServerEndpoint(value = PersonChatEndpoint.PATH, configurator = ChatSocketConfigurator.class)
public class PersonChatEndpoint {

    public static final String PATH = "/ws/chat";

    @OnOpen
    public void open(Session socket) {
        Optional<UserView> user = ChatSockets.user(socket, signIns());
        if (user.isEmpty()) {
            ChatSockets.refuse(socket);
            return;
        }
        String userId = user.get().id();
        socket.getUserProperties().put(ChatSockets.USER, userId);
        socket.setMaxTextMessageBufferSize(ChatSockets.MAX_MESSAGE_BYTES);
        hub().joinPerson(userId, socket);
        SupportChats chats = chats();
        ChatHub.send(socket, Json.createObjectBuilder().add("type", "presence").add("online", chats.online()).build());
        chats.live(userId).ifPresent(chat -> {
            int last = 0;
            for (ChatLineView line : chats.liveLines(userId)) {
                ChatHub.send(socket, ChatHub.lineJson(line, line.author() == ChatAuthor.PERSON ? "you" : "support"));
                last = line.seq();
            }
            chats.received(chat.id(), true, last);
            ChatHub.send(socket, ChatHub.personState(chat, Instant.now()));
        });
    }

    @OnMessage(maxMessageSize = ChatSockets.MAX_MESSAGE_BYTES)
    public void message(Session socket, String text) {
        String userId = (String) socket.getUserProperties().get(ChatSockets.USER);
        if (userId == null || ChatSockets.user(socket, signIns()).isEmpty()) {
            ChatSockets.refuse(socket);
            return;
        }
        JsonObject message = ChatSockets.read(text);
        String type = message == null ? "" : String.valueOf(ChatSockets.string(message, "type"));
        try {
            switch (type) {
                case "line" -> chats().write(userId, ChatSockets.string(message, "text"),
                        ChatSockets.string(message, "category"));
                case "typing" -> chats().typing(userId);
                case "topic" -> chats().categorize(userId, ChatSockets.string(message, "category"));
                case "end" -> chats().end(userId);
                default -> {
                    // not a message of this chat: ignored
                }
            }
        } catch (RuntimeException e) {
            ChatSockets.error(socket, e, null);
        }
    }

    @OnClose
    public void close(Session socket) {
        String userId = (String) socket.getUserProperties().get(ChatSockets.USER);
        if (userId != null) {
            hub().leave(userId, socket);
        }
    }

    private static ChatHub hub() {
        return CDI.current().select(ChatHub.class).get();
    }

    private static SupportChats chats() {
        return CDI.current().select(SupportChats.class).get();
    }

    private static SignIns signIns() {
        return CDI.current().select(SignIns.class).get();
    }
}
