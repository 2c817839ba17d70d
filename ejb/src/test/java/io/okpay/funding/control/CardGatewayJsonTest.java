package io.okpay.funding.control;

import io.okpay.funding.boundary.CardToken;
import io.okpay.funding.control.CardAuthorisation.DeclineReason;
import io.okpay.funding.control.CardAuthorisation.Status;
import io.okpay.funding.boundary.CardBrand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CardGatewayJsonTest {

    @Test
    @DisplayName("a token answer becomes token, brand, last four and expiry")
    void token() {
        CardToken token = HttpCardGateway.CardGatewayJson.token(json(
                "{\"token\":\"tok_x\",\"brand\":\"unionpay\",\"last4\":\"0005\",\"exp_month\":7,\"exp_year\":2031}"));
        assertEquals(new CardToken("tok_x", CardBrand.UNIONPAY, "0005", 7, 2031), token);
    }

    @Test
    @DisplayName("authorisation answers map status and decline reason; unknown reasons read as a plain decline")
    void authorisations() {
        CardAuthorisation approved = HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_1\",\"status\":\"authorized\",\"amount\":5000,\"currency\":\"USD\"}"));
        assertEquals(new CardAuthorisation("auth_1", Status.AUTHORISED, null, 5000, "USD"), approved);

        CardAuthorisation poor = HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_2\",\"status\":\"declined\",\"decline_code\":\"insufficient_funds\",\"amount\":1,\"currency\":\"JPY\"}"));
        assertEquals(DeclineReason.INSUFFICIENT_FUNDS, poor.declineReason());
        assertEquals("card_insufficient_funds", poor.declineError().code());

        CardAuthorisation odd = HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_3\",\"status\":\"declined\",\"decline_code\":\"stolen_card\",\"amount\":1,\"currency\":\"USD\"}"));
        assertEquals(DeclineReason.DECLINED, odd.declineReason());
        assertEquals("card_declined", odd.declineError().code());

        CardAuthorisation challenged = HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_4\",\"status\":\"challenge_required\",\"amount\":1,\"currency\":\"USD\",\"decline_code\":\"x\"}"));
        assertEquals(Status.CHALLENGE_REQUIRED, challenged.status());
        assertNull(challenged.declineReason());
    }

    @Test
    @DisplayName("incomplete or unexpected answers are gateway failures, not half-read authorisations")
    void brokenAnswers() {
        assertThrows(CardGatewayFailure.class, () -> HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_1\",\"status\":\"settled\",\"amount\":5000,\"currency\":\"USD\"}")));
        assertThrows(CardGatewayFailure.class, () -> HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_1\",\"status\":\"authorized\",\"currency\":\"USD\"}")));
        assertThrows(CardGatewayFailure.class, () -> HttpCardGateway.CardGatewayJson.authorisation(json(
                "{\"id\":\"auth_1\",\"status\":\"authorized\",\"amount\":50.5,\"currency\":\"USD\"}")));
        assertThrows(CardGatewayFailure.class, () -> HttpCardGateway.CardGatewayJson.token(json(
                "{\"token\":\"tok_x\",\"brand\":\"diners\",\"last4\":\"0005\",\"exp_month\":7,\"exp_year\":2031}")));
    }

    @Test
    @DisplayName("the processor's refusal code is read from its error body, and is empty for anything else")
    void errorCodes() {
        assertEquals("invalid_cvc", HttpCardGateway.CardGatewayJson.errorCode("{\"error\":{\"code\":\"invalid_cvc\"}}"));
        assertEquals("", HttpCardGateway.CardGatewayJson.errorCode("{\"error\":\"invalid_cvc\"}"));
        assertEquals("", HttpCardGateway.CardGatewayJson.errorCode("{}"));
        assertEquals("", HttpCardGateway.CardGatewayJson.errorCode("<html>Bad Gateway</html>"));
        assertEquals("", HttpCardGateway.CardGatewayJson.errorCode(""));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
