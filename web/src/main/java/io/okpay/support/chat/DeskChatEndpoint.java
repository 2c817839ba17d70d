package io.okpay.support.chat;

import io.okpay.identity.boundary.SignIns;
import io.okpay.identity.boundary.UserView;
import io.okpay.support.boundary.ChatAuthor;
import io.okpay.support.boundary.ChatLineView;
import io.okpay.support.boundary.ChatStatus;
import io.okpay.support.boundary.ChatView;
import io.okpay.support.boundary.SupportChats;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A SUPPORT operator's chat console (/support/chat-desk.xhtml): while it is open the operator is online. It gets the
 * waiting chats and the operator's own (several at once), their lines, typing and delivery. From the browser, each
 * naming one chat: {@code {"type":"open"|"take"|"typing"|"end","chat":…}}, {@code {"type":"line","chat":…,"text":…}};
 * a chat that is neither waiting nor the operator's own is not found.
 */
@ServerEndpoint(value = DeskChatEndpoint.PATH, configurator = ChatSocketConfigurator.class)
public class DeskChatEndpoint {

    public static final String PATH = "/ws/chat-desk";

    @OnOpen
    public void open(Session socket) {
        Optional<UserView> user = ChatSockets.user(socket, signIns())
                .filter(u -> u.roles().stream().map(Enum::name).anyMatch("SUPPORT"::equals));
        if (user.isEmpty()) {
            ChatSockets.refuse(socket);
            return;
        }
        String operatorId = user.get().id();
        socket.getUserProperties().put(ChatSockets.USER, operatorId);
        socket.setMaxTextMessageBufferSize(ChatSockets.MAX_MESSAGE_BYTES);
        hub().joinDesk(operatorId, socket);
        hub().sendQueue(operatorId, Set.of(socket));
        for (ChatView chat : chats().desk(operatorId)) {
            if (chat.status() == ChatStatus.ACTIVE) {
                history(socket, operatorId, chat.id());
            }
        }
    }

    @OnMessage(maxMessageSize = ChatSockets.MAX_MESSAGE_BYTES)
    public void message(Session socket, String text) {
        String operatorId = (String) socket.getUserProperties().get(ChatSockets.USER);
        if (operatorId == null || ChatSockets.user(socket, signIns()).isEmpty()) {
            ChatSockets.refuse(socket);
            return;
        }
        JsonObject message = ChatSockets.read(text);
        String type = message == null ? "" : String.valueOf(ChatSockets.string(message, "type"));
        String chatId = message == null ? null : ChatSockets.string(message, "chat");
        try {
            switch (type) {
                case "open" -> history(socket, operatorId, chatId);
                case "take" -> {
                    chats().take(operatorId, chatId);
                    history(socket, operatorId, chatId);
                }
                case "line" -> chats().answer(operatorId, chatId, ChatSockets.string(message, "text"));
                case "typing" -> chats().deskTyping(operatorId, chatId);
                case "end" -> chats().close(operatorId, chatId);
                default -> {
                    // not a message of the console: ignored
                }
            }
        } catch (RuntimeException e) {
            ChatSockets.error(socket, e, chatId);
        }
    }

    @OnClose
    public void close(Session socket) {
        String operatorId = (String) socket.getUserProperties().get(ChatSockets.USER);
        if (operatorId != null) {
            hub().leave(operatorId, socket);
        }
    }

    /** The chat's lines so far and its state, to this console. */
    private static void history(Session socket, String operatorId, String chatId) {
        SupportChats chats = chats();
        int last = 0;
        for (ChatLineView line : chats.deskLines(operatorId, chatId)) {
            ChatHub.send(socket, ChatHub.lineJson(line, line.author() == ChatAuthor.PERSON ? "person" : "you"));
            last = line.seq();
        }
        if (last > 0 && chats.desk(operatorId).stream().anyMatch(c -> c.id().equals(chatId) && operatorId.equals(c.operatorId()))) {
            chats.received(chatId, false, last);
        }
        chats.desk(operatorId).stream().filter(c -> c.id().equals(chatId)).findFirst()
                .ifPresent(c -> ChatHub.send(socket, ChatHub.deskState(c, Instant.now())));
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
