package io.okpay.support.chat;

import io.okpay.support.boundary.ChatAuthor;
import io.okpay.support.boundary.ChatLineView;
import io.okpay.support.boundary.SupportChats;
import jakarta.json.Json;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.time.Instant;

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
        ChatSockets.admit(socket, u -> true).ifPresent(userId -> {
            ChatSockets.hub().joinPerson(userId, socket);
            SupportChats chats = ChatSockets.chats();
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
        });
    }

    @OnMessage(maxMessageSize = ChatSockets.MAX_MESSAGE_BYTES)
    public void message(Session socket, String text) {
        ChatSockets.receive(socket, text, (userId, message) -> {
            switch (message.type()) {
                case "line" -> ChatSockets.chats().write(userId, message.string("text"), message.string("category"));
                case "typing" -> ChatSockets.chats().typing(userId);
                case "topic" -> ChatSockets.chats().categorize(userId, message.string("category"));
                case "end" -> ChatSockets.chats().end(userId);
                default -> {
                    // not a message of this chat: ignored
                }
            }
        });
    }

    @OnClose
    public void close(Session socket) {
        ChatSockets.leave(socket);
    }
}
