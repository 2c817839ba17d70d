package io.okpay.support.boundary;

import io.okpay.support.control.ArticleLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpCentreTest {

    private final HelpCentre centre = new HelpCentre();

    HelpCentreTest() {
        centre.load();
    }

    private List<String> slugs(String query, Locale locale) {
        return centre.search(query, locale).stream().map(HelpArticle::slug).toList();
    }

    @Test
    void searchesTitlesAndTextInThePagesLanguage() {
        assertTrue(slugs("voucher", Locale.ENGLISH).contains("topup-voucher"));
        assertEquals("topup-voucher", slugs("VOUCHER", Locale.ENGLISH).get(0), "title matches first, any case");
        assertTrue(slugs("充值券", Locale.SIMPLIFIED_CHINESE).contains("topup-voucher"), "Chinese substring");
        assertTrue(slugs("充值券", Locale.ENGLISH).isEmpty(), "English pages search English articles");
        assertTrue(slugs("public Wi-Fi", Locale.ENGLISH).contains("security-advice"), "every word");
        assertTrue(slugs("webhook zzzzqx", Locale.ENGLISH).isEmpty(), "every word must match");
        assertTrue(slugs("   ", Locale.ENGLISH).isEmpty());
        assertTrue(slugs(null, Locale.ENGLISH).isEmpty());
    }

    @Test
    void findsBySlugAndGroupsByTopic() {
        assertTrue(centre.find("fees", Locale.forLanguageTag("zh-CN")).isPresent());
        assertTrue(centre.find("nope", Locale.ENGLISH).isEmpty());
        assertEquals(ArticleLibrary.LANGUAGES.size(), 2);
        assertEquals("start", centre.topics(Locale.ENGLISH).get(0).name());
        assertEquals(centre.articles(Locale.ENGLISH).size(),
                centre.topics(Locale.ENGLISH).stream().mapToInt(t -> t.articles().size()).sum());
    }
}
