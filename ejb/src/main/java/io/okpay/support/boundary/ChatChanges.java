package io.okpay.support.boundary;

import java.util.List;

/** What happened in every chat since a poll: new lines (oldest first), the chats that changed, the cursor to go on. */
public record ChatChanges(List<ChatLineView> lines, List<ChatView> chats, long lastLineId) {
}
