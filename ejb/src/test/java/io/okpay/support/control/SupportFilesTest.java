package io.okpay.support.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SupportFilesTest {

    @Test
    @DisplayName("a file's type comes from its first bytes, never its name; unknown binaries are refused")
    void sniffsByContent() {
        assertEquals(Optional.of("image/png"), ContentTypes.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1}));
        assertEquals(Optional.of("image/jpeg"), ContentTypes.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of("application/pdf"), ContentTypes.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/gif"), ContentTypes.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/webp"), ContentTypes.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("text/plain"), ContentTypes.sniff("订单号 1001\n付款两次\tCafé ☕".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), ContentTypes.sniff(new byte[]{'M', 'Z', (byte) 0x90, 0, 3}));
        assertEquals(Optional.empty(), ContentTypes.sniff(new byte[]{'a', 0, 'b'}));
        assertEquals(Optional.empty(), ContentTypes.sniff(new byte[]{(byte) 0xC3, 0x28}), "not UTF-8");
        assertEquals(Optional.empty(), ContentTypes.sniff(new byte[0]));
    }

    @Test
    @DisplayName("the kept name has no path or odd characters, at most 120 characters, and the extension of its real type")
    void fileNames() {
        assertEquals("screen.png", AttachmentVault.fileName("C:\\Users\\ann\\screen.png", "image/png"));
        assertEquals("invoice.pdf", AttachmentVault.fileName("../../etc/invoice.exe", "application/pdf"));
        assertEquals("截图_1_.jpg", AttachmentVault.fileName("截图<1>.jpeg", "image/jpeg"));
        assertEquals("attachment.txt", AttachmentVault.fileName(null, "text/plain"));
        assertEquals("attachment.txt", AttachmentVault.fileName(".txt", "text/plain"));
        assertEquals(120 + 4, AttachmentVault.fileName("a".repeat(300) + ".png", "image/png").length());
    }

    @Test
    @DisplayName("an e-mail answer keeps only its new text: quoted lines and the quoted mail below the header go")
    void newPartOfAnAnswer() {
        assertEquals("Thanks, that helps.\nOne question more.", MailText.newPart(
                "Thanks, that helps.\r\nOne question more.\r\n\r\nOn Mon, 7 Dec 2026 at 10:00, OKPay <no-reply@okpay.local> wrote:\r\n> Hello Ann,\r\n> we found it."));
        assertEquals("谢谢！", MailText.newPart("谢谢！\n\n> 您好：\n> 已退款。"));
        assertEquals("好的", MailText.newPart("好的\n\n在 2026年12月7日 10:00，OKPay 写道：\n您好"));
        assertEquals("First line", MailText.newPart("First line\n-----Original Message-----\nFrom: x"));
        assertEquals("", MailText.newPart(null));
    }
}
