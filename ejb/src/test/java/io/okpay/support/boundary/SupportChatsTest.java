package io.okpay.support.boundary;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SupportChatsTest {

    @Test
    @DisplayName("a transcript's subject: the person's first words on one line, cut after 60 characters (never inside a character)")
    void subject() {
        assertEquals("Hello there", SupportChats.shorten("  Hello\n\tthere "));
        assertEquals("长".repeat(60) + "…", SupportChats.shorten("长".repeat(80)));
        String emoji = "😀".repeat(70);
        assertEquals("😀".repeat(60) + "…", SupportChats.shorten(emoji));
    }
}
