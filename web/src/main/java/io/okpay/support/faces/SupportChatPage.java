package io.okpay.support.faces;

import io.okpay.support.boundary.SupportChats;
import io.okpay.support.boundary.TicketCategory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * /support/chat.xhtml and the desk's /support/chat-desk.xhtml: what the pages show before their script connects
 * (whether the desk is online, the reply promise, the longest line, the topics). The chat runs over the WebSocket
 * endpoints of {@code io.okpay.support.chat}.
 */
@Named
@RequestScoped
public class SupportChatPage {

    @EJB
    SupportChats chats;

    private Boolean online;

    public boolean isOnline() {
        if (online == null) {
            online = chats.online();
        }
        return online;
    }

    public long getHours() {
        return chats.replyWithinHours();
    }

    public int getMaxLength() {
        return chats.maxLength();
    }

    /** The topics, "other" first: the chat's topic until the person chooses one. */
    public List<String> getCategories() {
        return Stream.concat(Stream.of(TicketCategory.OTHER), Arrays.stream(TicketCategory.values())
                .filter(c -> c != TicketCategory.OTHER)).map(TicketCategory::code).toList();
    }
}
