package io.okpay.notification.control;

import io.okpay.notification.boundary.OutboxHandler;
import io.okpay.shared.JsonBuilders;
import io.okpay.notification.boundary.Mail;
import io.okpay.shared.Messages;
import io.okpay.shared.Operator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders a queued e-mail in its language and hands it to the SMTP server. */
@ApplicationScoped
public class MailDelivery implements OutboxHandler {

    @Inject
    Mailer mailer;

    @Inject
    Operator operator;

    @Override
    public String type() {
        return Mail.EVENT_TYPE;
    }

    @Override
    public void deliver(String payloadJson) throws Exception {
        JsonObject payload;
        try (var reader = JsonBuilders.JSON.createReader(new StringReader(payloadJson))) {
            payload = reader.readObject();
        }
        Locale locale = Messages.supported(Locale.forLanguageTag(payload.getString("locale")));
        String template = payload.getString("template");
        if (!Messages.has(locale, "mail." + template + ".subject") || !Messages.has(locale, "mail." + template + ".body")) {
            // Never send a mail made of keys: fail, keep it in the outbox, and let the log say why.
            throw new IllegalStateException("No mail template " + template + " for " + locale);
        }
        Object[] args = payload.getJsonArray("args").getValuesAs(JsonString.class).stream().map(JsonString::getString).toArray();
        RenderedMail mail = RenderedMail.render(locale,
                Messages.get(locale, "mail." + template + ".subject", args),
                Messages.get(locale, "mail." + template + ".body", args), operator.statement(locale));
        mailer.send(payload.getString("to"), payload.getString(Mail.REPLY_TO, null), mail);
    }

    /** Blanks the arguments the sender marked as secret; address, language, template and the rest stay. */
    @Override
    public String afterDelivery(String payloadJson) {
        JsonObject payload;
        try (var reader = JsonBuilders.JSON.createReader(new StringReader(payloadJson))) {
            payload = reader.readObject();
        }
        if (!payload.containsKey(Mail.SECRET)) {
            return payloadJson;
        }
        Set<Integer> secret = payload.getJsonArray(Mail.SECRET).getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::intValue).collect(Collectors.toSet());
        List<JsonString> args = payload.getJsonArray("args").getValuesAs(JsonString.class);
        JsonArrayBuilder kept = JsonBuilders.JSON.createArrayBuilder();
        for (int i = 0; i < args.size(); i++) {
            kept.add(secret.contains(i) ? "" : args.get(i).getString());
        }
        return JsonBuilders.JSON.createObjectBuilder(payload).add("args", kept).build().toString();
    }

    @Override
    public void passFinished() {
        mailer.disconnect();
    }
}
