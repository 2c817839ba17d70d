package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {

    @Test
    @DisplayName("every key exists in English and in Simplified Chinese")
    void bundlesHaveTheSameKeys() {
        Set<String> english = new TreeSet<>(Messages.bundle(Locale.ENGLISH).keySet());
        Set<String> chinese = new TreeSet<>(Messages.bundle(Locale.SIMPLIFIED_CHINESE).keySet());
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertTrue(onlyEnglish.isEmpty(), "missing in messages_zh_CN: " + onlyEnglish);
        assertTrue(onlyChinese.isEmpty(), "missing in messages_en: " + onlyChinese);
    }

    @Test
    @DisplayName("no key is written twice in a bundle file (features add keys side by side and merge by union)")
    void noDuplicateKeys() throws IOException {
        for (String file : List.of("messages_en.properties", "messages_zh_CN.properties")) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String trimmed = line.strip();
                    if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")
                            && !seen.add(trimmed.substring(0, trimmed.indexOf('=')).strip())) {
                        twice.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
                    }
                }
            }
            assertTrue(twice.isEmpty(), file + " repeats " + twice);
        }
    }

    @Test
    @DisplayName("no value is left empty, and Chinese values are not English copies")
    void valuesAreFilled() {
        ResourceBundle english = Messages.bundle(Locale.ENGLISH);
        ResourceBundle chinese = Messages.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.keySet()) {
            assertTrue(!english.getString(key).isBlank(), "empty English value: " + key);
            assertTrue(!chinese.getString(key).isBlank(), "empty Chinese value: " + key);
            if (english.getString(key).equals(chinese.getString(key)) && english.getString(key).matches(".*[a-z]{4,}.*")
                    && !key.startsWith("lang.")) {
                untranslated.add(key);
            }
        }
        assertTrue(untranslated.isEmpty(), "same text in both languages: " + untranslated);
    }

    @Test
    @DisplayName("Chinese text uses full-width punctuation next to Chinese characters")
    void chinesePunctuation() {
        java.util.regex.Pattern halfWidth = java.util.regex.Pattern.compile("[\\u4e00-\\u9fff][,;?:!()]|[,;?:!(][\\u4e00-\\u9fff]");
        ResourceBundle chinese = Messages.bundle(Locale.SIMPLIFIED_CHINESE);
        Set<String> wrong = new TreeSet<>();
        for (String key : chinese.keySet()) {
            if (halfWidth.matcher(chinese.getString(key)).find()) {
                wrong.add(key);
            }
        }
        assertTrue(wrong.isEmpty(), "use ，；？：！（） in: " + wrong);
    }

    @Test
    @DisplayName("texts read through MessageFormat write a lone apostrophe as ''")
    void apostrophesInPatterns() {
        for (Locale locale : Messages.SUPPORTED) {
            ResourceBundle bundle = Messages.bundle(locale);
            for (String key : bundle.keySet()) {
                if (key.startsWith("error.") || key.startsWith("mail.") || key.startsWith("problem.")) {
                    String value = bundle.getString(key);
                    assertTrue(!value.replace("''", "").contains("'"), "single apostrophe in " + key + " (" + locale + "): " + value);
                }
            }
        }
    }

    @Test
    @DisplayName("locales map to the two supported languages")
    void supportedLocales() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(Locale.forLanguageTag("zh-CN")));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.supported(Locale.forLanguageTag("zh-TW")));
        assertEquals(Locale.ENGLISH, Messages.supported(Locale.GERMAN));
        assertEquals(Locale.ENGLISH, Messages.supported(null));
        assertEquals("Page not found", Messages.get(Locale.US, "error.page.not-found.title"));
        assertEquals("页面不存在", Messages.get(Locale.CHINA, "error.page.not-found.title"));
    }
}
