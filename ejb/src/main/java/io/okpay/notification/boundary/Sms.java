package io.okpay.notification.boundary;

import io.okpay.shared.crypto.MasterKey;
import io.okpay.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Queues a text message, sent after the caller's transaction commits, through the configured SMS gateway. The text is
 * the bundle key {@code sms.<template>} in the recipient's language. The queued event is sealed under the master key.
 */
@Stateless
public class Sms {

    public static final String EVENT_TYPE = "sms";
    public static final String SEAL_CONTEXT = "outbox:sms";

    @EJB
    Outbox outbox;

    @Inject
    MasterKey masterKey;

    public void send(String phoneNumber, Locale locale, String template, Object... args) {
        String message = Json.createObjectBuilder()
                .add("to", phoneNumber)
                .add("text", Messages.get(locale, "sms." + template, args))
                .build().toString();
        outbox.enqueue(EVENT_TYPE, Json.createObjectBuilder()
                .add("sealed", masterKey.seal(message.getBytes(StandardCharsets.UTF_8), SEAL_CONTEXT))
                .build().toString());
    }
}
