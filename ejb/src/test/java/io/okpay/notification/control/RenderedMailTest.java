package io.okpay.notification.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderedMailTest {

    @Test
    @DisplayName("the HTML part escapes what it is given, keeps paragraphs, turns URLs into links and ends with the operator")
    void rendersEscapedHtml() {
        RenderedMail cut = RenderedMail.render(Locale.ENGLISH, "Hello <you>",
                "Dear <b>Ann</b> & co,\n\nopen https://okpay.example/verify?token=a1&x=2 now.\nThanks",
                "OKPay is run by Tea & Co <Ltd>");
        assertTrue(cut.html().contains("Dear &lt;b&gt;Ann&lt;/b&gt; &amp; co,"), cut.html());
        assertTrue(cut.html().contains("<a href=\"https://okpay.example/verify?token=a1&amp;x=2\""), cut.html());
        assertTrue(cut.html().contains("now.<br>Thanks"), cut.html());
        assertTrue(cut.html().contains("<title>Hello &lt;you&gt;</title>"));
        assertFalse(cut.html().contains("<b>"));
        assertTrue(cut.text().startsWith("Dear <b>Ann</b> & co,\n\nopen https://okpay.example/verify?token=a1&x=2 now."));
        assertTrue(cut.text().contains("OKPay - an open-source wallet"));
        assertTrue(cut.text().endsWith("\nOKPay is run by Tea & Co <Ltd>\n"), cut.text());
        assertTrue(cut.html().contains("<br>OKPay is run by Tea &amp; Co &lt;Ltd&gt;</p>"), cut.html());
    }

    @Test
    @DisplayName("the Chinese footer and the page language follow the locale")
    void chinese() {
        RenderedMail cut = RenderedMail.render(Locale.SIMPLIFIED_CHINESE, "您好", "正文", "OKPay 由示例公司运营");
        assertTrue(cut.html().contains("lang=\"zh-CN\""));
        assertTrue(cut.text().contains("开源电子钱包"));
        assertTrue(cut.text().contains("OKPay 由示例公司运营"));
    }

    @Test
    @DisplayName("retries back off from 5 s, doubling, capped at one hour")
    void backOff() {
        assertEquals(Duration.ofSeconds(5), OutboxDispatcher.backOff(1));
        assertEquals(Duration.ofSeconds(10), OutboxDispatcher.backOff(2));
        assertEquals(Duration.ofSeconds(40), OutboxDispatcher.backOff(4));
        assertEquals(Duration.ofHours(1), OutboxDispatcher.backOff(11));
        assertEquals(Duration.ofHours(1), OutboxDispatcher.backOff(500));
    }
}
