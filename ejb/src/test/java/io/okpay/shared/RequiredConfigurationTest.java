package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequiredConfigurationTest {

    /** The application's own defaults, as the ejb jar ships them. */
    static Map<String, String> shipped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RequiredConfiguration.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    static Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    static Map<String, String> production() {
        Map<String, String> values = new HashMap<>();
        values.put("okpay.master-key", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        values.put("okpay.card.gateway-url", "https://api.processor.example/");
        values.put("okpay.card.api-key", "sk_live_1");
        values.put("okpay.sms.gateway", "http");
        values.put("okpay.sms.http.url", "https://sms.example/send");
        return values;
    }

    @Test
    @DisplayName("the shipped defaults alone do not start: they name no card processor, SMS provider or master key")
    void shippedDefaultsRefuse() throws IOException {
        List<String> problems = RequiredConfiguration.problems(settings(shipped()));
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("okpay.master-key is not set"), problems.toString());
        assertTrue(problems.get(1).startsWith("okpay.card.gateway-url is not set"), problems.toString());
        assertTrue(problems.get(2).startsWith("okpay.card.api-key is not set"), problems.toString());
        assertTrue(problems.get(3).startsWith("okpay.sms.gateway is not set"), problems.toString());
    }

    @Test
    @DisplayName("as shipped every sandbox part is off and nothing points at the sandbox acquirer")
    void shippedSandboxOff() throws IOException {
        Map<String, String> shipped = shipped();
        for (SandboxPart part : SandboxPart.values()) {
            assertFalse(part.on(settings(shipped)), part.key());
        }
        shipped.forEach((key, value) -> assertFalse(key.startsWith("okpay.card.") && value.contains("/sandbox/"),
                key + "=" + value));
    }

    @Test
    @DisplayName("a real card processor, SMS provider and master key start")
    void productionStarts() {
        assertEquals(List.of(), RequiredConfiguration.problems(settings(production())));
    }

    @Test
    @DisplayName("each missing or contradictory setting is named")
    void namesWhatIsMissing() {
        Map<String, String> values = production();
        values.put("okpay.sms.http.url", " ");
        assertEquals(List.of("okpay.sms.http.url is not set (the SMS provider, for okpay.sms.gateway=http)"),
                RequiredConfiguration.problems(settings(values)));

        values = production();
        values.put("okpay.sms.gateway", "sandbox");
        assertEquals(List.of("okpay.sms.sandbox-file is not set (where the SMS sandbox keeps texts, for "
                + "okpay.sms.gateway=sandbox)"), RequiredConfiguration.problems(settings(values)));
        values.put("okpay.sms.sandbox-file", "/var/lib/okpay/sms/sms.log");
        assertEquals(List.of(), RequiredConfiguration.problems(settings(values)), "the SMS sandbox when chosen by name");

        values.put("okpay.sms.gateway", "console");
        assertEquals(List.of("okpay.sms.gateway is console: http or sandbox"), RequiredConfiguration.problems(settings(values)));
    }

    @Test
    @DisplayName("the sandbox acquirer serves as card processor only with its own switch; the demo switch turns on no other part")
    void acquirerOnlyByItsSwitch() {
        Map<String, String> values = production();
        values.put("okpay.card.gateway-url", "http://127.0.0.1:8080/sandbox/acquirer");
        values.put("okpay.sandbox.enabled", "true");
        assertEquals(List.of("okpay.card.gateway-url points at the sandbox acquirer, which is off "
                + "(okpay.sandbox.acquirer.enabled)"), RequiredConfiguration.problems(settings(values)));
        for (SandboxPart part : List.of(SandboxPart.ACQUIRER, SandboxPart.LOCAL_WEBHOOK_RECEIVERS, SandboxPart.FX_FEED)) {
            assertFalse(part.on(settings(values)), part.key());
        }
        values.put("okpay.sandbox.acquirer.enabled", "true");
        assertEquals(List.of(), RequiredConfiguration.problems(settings(values)));
    }
}
