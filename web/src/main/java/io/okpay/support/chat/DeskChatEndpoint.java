package io.okpay.support.chat;

import io.okpay.support.boundary.ChatAuthor;
import io.okpay.support.boundary.ChatLineView;
import io.okpay.support.boundary.ChatStatus;
import io.okpay.support.boundary.ChatView;
import io.okpay.support.boundary.SupportChats;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.time.Instant;
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
        ChatSockets.admit(socket, u -> u.roles().stream().map(Enum::name).anyMatch("SUPPORT"::equals))
                .ifPresent(operatorId -> {
                    ChatHub hub = ChatSockets.hub();
                    hub.joinDesk(operatorId, socket);
                    hub.sendQueue(operatorId, Set.of(socket));
                    for (ChatView chat : ChatSockets.chats().desk(operatorId)) {
                        if (chat.status() == ChatStatus.ACTIVE) {
                            history(socket, operatorId, chat.id());
                        }
                    }
                });
    }

    @OnMessage(maxMessageSize = ChatSockets.MAX_MESSAGE_BYTES)
    public void message(Session socket, String text) {
        ChatSockets.receive(socket, text, (operatorId, message) -> {
            String chatId = message.string("chat");
            switch (message.type()) {
                case "open" -> history(socket, operatorId, chatId);
                case "take" -> {
                    ChatSockets.chats().take(operatorId, chatId);
                    history(socket, operatorId, chatId);
                }
                case "line" -> ChatSockets.chats().answer(operatorId, chatId, message.string("text"));
                case "typing" -> ChatSockets.chats().deskTyping(operatorId, chatId);
                case "end" -> ChatSockets.chats().close(operatorId, chatId);
                default -> {
                    // not a message of the console: ignored
                }
            }
        });
    }

    @OnClose
    public void close(Session socket) {
        ChatSockets.leave(socket);
    }

    /** The chat's lines so far and its state, to this console. */
    private static void history(Session socket, String operatorId, String chatId) {
        SupportChats chats = ChatSockets.chats();
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
}
