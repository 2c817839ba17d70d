package io.okpay.shared.faces;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the money forms keep between steps; what they show goes through FacesContext and is driven by the browser ITs. */
class MoneyFormTest {

    @Test
    @DisplayName("the key survives a post back without one, and a new attempt gets a new key")
    void key() {
        MoneyForm cut = new MoneyForm("send");
        String first = cut.getKey();
        cut.setKey(null);
        cut.setKey(" ");
        assertEquals(first, cut.getKey());
        cut.setKey("from-the-hidden-field");
        assertEquals("from-the-hidden-field", cut.getKey());
        cut.newKey();
        assertNotEquals("from-the-hidden-field", cut.getKey());
        assertNotEquals(first, new MoneyForm("send").getKey(), "each form its own key");
    }

    @Test
    @DisplayName("starts on the form, back returns to it and stays on the page")
    void steps() {
        MoneyForm cut = new MoneyForm("send");
        assertEquals(MoneyForm.Step.FORM, cut.getStep());
        cut.moveTo(MoneyForm.Step.CONFIRM);
        assertNull(cut.back());
        assertEquals(MoneyForm.Step.FORM, cut.getStep());
    }

    @Test
    @DisplayName("the amount is kept without surrounding blanks")
    void amount() {
        MoneyForm cut = new MoneyForm("send");
        cut.setAmount(" 12.50\t");
        assertEquals("12.50", cut.getAmount());
        cut.setAmount(null);
        assertNull(cut.getAmount());
    }

    @Test
    @DisplayName("a code is asked for once: the challenge is begun the first time only, and a no clears the ask")
    void require() {
        StepUpCode cut = new StepUpCode();
        List<String> begun = new ArrayList<>();
        cut.require(false, () -> "never");
        assertFalse(cut.isRequired());
        assertNull(cut.challengeId());
        cut.require(true, () -> {
            begun.add("chl_1");
            return "chl_1";
        });
        cut.require(true, () -> {
            begun.add("chl_2");
            return "chl_2";
        });
        assertTrue(cut.isRequired());
        assertEquals("chl_1", cut.challengeId());
        assertEquals(List.of("chl_1"), begun);
        cut.require(false, () -> "never");
        assertFalse(cut.isRequired());
    }

    @Test
    @DisplayName("the typed code is handed over once and the field is empty afterwards")
    void takeCode() {
        StepUpCode cut = new StepUpCode();
        cut.setCode("123456");
        assertEquals("123456", cut.takeCode());
        assertNull(cut.getCode());
        assertNull(cut.takeCode());
    }
}
