package io.okpay.notification.control;

import io.okpay.notification.boundary.Mail;
import io.okpay.shared.JsonBuilders;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MailDeliveryTest {

    private static JsonObject read(String json) {
        try (var reader = JsonBuilders.JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    @DisplayName("after delivery a reset link is blanked; address, language, template and the other arguments stay")
    void secretsAreBlankedAfterDelivery() {
        String link = "https://okpay.example/identity/reset.xhtml?token=Zm9vYmFy";
        String marked = Mail.secretPayload("léa@example.com", Locale.SIMPLIFIED_CHINESE, "password-reset", 1, "李雷", link);
        String queued = Mail.payload("léa@example.com", Locale.SIMPLIFIED_CHINESE, "password-reset", "李雷", link);

        String kept = new MailDelivery().afterDelivery(marked);
        assertFalse(kept.contains("token"), kept);
        JsonObject record = read(kept);
        assertEquals("léa@example.com", record.getString("to"));
        assertEquals("zh-CN", record.getString("locale"));
        assertEquals("password-reset", record.getString("template"));
        assertEquals("李雷", record.getJsonArray("args").getString(0));
        assertEquals("", record.getJsonArray("args").getString(1));

        assertEquals(queued, new MailDelivery().afterDelivery(queued), "a receipt has nothing to blank");
    }
}
