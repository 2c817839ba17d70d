package io.okpay.support.boundary;

import java.time.Instant;

/** A chat line with where it must go: the chat's person and, once one has it, its operator. */
public record ChatLineView(String chatId, String userId, String operatorId, int seq, ChatAuthor author, String body,
                           Instant createdAt) {
}
