package io.okpay.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailBoxTest {

    private static final String MAIL = "Subject: Confirm\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
            + "http://localhost/identity/verify.xhtml?token=3DrHqZ_x-1\r\n\r\n"
            + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "<a href=3D\"http://localhost/identity/verify.xhtml?token=3D3DrHq=\r\nZ_x-1\">link</a>\r\n--b1--";

    @Test
    void aSevenBitPartKeepsItsText() {
        // A token that starts with "3D" came out as "rHq..." when every part was decoded as quoted-printable.
        assertTrue(MailBox.unquote(MAIL).contains("verify.xhtml?token=3DrHqZ_x-1\r\n"));
    }

    @Test
    void aQuotedPrintablePartIsDecoded() {
        String plain = MailBox.unquote(MAIL);
        assertTrue(plain.contains("<a href=\"http://localhost/identity/verify.xhtml?token=3DrHqZ_x-1\">"), plain);
    }

    @Test
    void aMessageWithoutPartsIsLeftAlone() {
        assertEquals("Subject: Your OKPay code: 123456\r\n\r\nx=3D", MailBox.unquote("Subject: Your OKPay code: 123456\r\n\r\nx=3D"));
    }
}
