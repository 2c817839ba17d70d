package io.okpay.kyc.control;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameMatchTest {

    @Test
    @DisplayName("case, accents, punctuation, full-width letters and word order do not matter: an exact match")
    void exact() {
        assertEquals("li wei", NameMatch.normalise("  WEI,  Li "));
        assertEquals(new NameMatch.Result(true, 100), NameMatch.match("Zoë Müller", "MULLER, Zoe", 0.92));
        assertEquals(new NameMatch.Result(true, 100), NameMatch.match("王小明", "王小明", 0.92));
        assertEquals(new NameMatch.Result(true, 100), NameMatch.match("ＡＮＮＡ Ivanova", "anna ivanova", 0.92));
    }

    @Test
    @DisplayName("a letter off or a space apart is a fuzzy match at the threshold; other names are none")
    void fuzzy() {
        NameMatch.Result misspelt = NameMatch.match("Vladimir Petrovich Ivanov", "Vladimir Petrovich Ivanof", 0.92);
        assertTrue(misspelt != null && !misspelt.exact() && misspelt.score() >= 92, String.valueOf(misspelt));
        NameMatch.Result spaced = NameMatch.match("Wang Xiaoming", "Wang Xiao Ming", 0.92);
        assertTrue(spaced != null && !spaced.exact(), String.valueOf(spaced));
        assertNull(NameMatch.match("Anna Schmidt", "Peter Johnson", 0.92));
        assertNull(NameMatch.match("王小明", "李娜", 0.92));
        assertNull(NameMatch.match("", "Peter Johnson", 0.0));
        assertTrue(NameMatch.match("Anna Schmidt", "Anna Schmitt", 0.5) != null, "a lower threshold finds more");
    }
}
