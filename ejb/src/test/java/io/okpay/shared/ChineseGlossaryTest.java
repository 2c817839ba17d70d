package io.okpay.shared;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Chinese bundle follows i18n/GLOSSARY.zh-CN.md: its words, 您, and its punctuation and spacing rules. */
class ChineseGlossaryTest {

    /** A glossary table row: | English | 用词 | 不用 | note |, the words not to use in backticks in the third cell. */
    private static final Pattern ROW = Pattern.compile("^\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|.*$", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    /** 密钥 alone is ambiguous (the API key or its secret?): always one of the glossary's qualified terms. */
    private static final Pattern BARE_KEY = Pattern.compile("(?<!API |客户端|签名|验证器)密钥");
    private static final Pattern SPACE_AT_FULL_WIDTH = Pattern.compile("[ \\t\\u3000][，。：；！？、（）]|[，。：；！？、（）][ \\t\\u3000]");
    private static final Pattern UNSPACED_LATIN = Pattern.compile("[\\u4e00-\\u9fff][A-Za-z0-9]|[A-Za-z0-9][\\u4e00-\\u9fff]");

    static Set<String> forbidden;
    static Map<String, String> chinese;

    @BeforeAll
    static void read() throws IOException {
        String glossary;
        try (InputStream in = ChineseGlossaryTest.class.getResourceAsStream("/i18n/GLOSSARY.zh-CN.md")) {
            glossary = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        forbidden = new TreeSet<>();
        Matcher row = ROW.matcher(glossary);
        while (row.find()) {
            Matcher word = QUOTED.matcher(row.group(3));
            while (word.find()) {
                forbidden.add(word.group(1));
            }
        }
        ResourceBundle bundle = Messages.bundle(Locale.SIMPLIFIED_CHINESE);
        chinese = new TreeMap<>();
        for (String key : bundle.keySet()) {
            chinese.put(key, bundle.getString(key));
        }
    }

    @Test
    @DisplayName("the glossary's table is read: it forbids 你, the five other words for a reference and 电子礼券")
    void glossaryIsRead() {
        assertTrue(forbidden.containsAll(Set.of("你", "交易单号", "交易号", "业务单号", "参考号", "付款编号", "电子礼券")),
                "words not to use, as read from the glossary: " + forbidden);
    }

    @Test
    @DisplayName("no Chinese text uses a word the glossary replaces")
    void noForbiddenWords() {
        Set<String> wrong = new TreeSet<>();
        chinese.forEach((key, value) -> forbidden.stream().filter(value::contains).forEach(word -> wrong.add(key + " uses " + word)));
        assertTrue(wrong.isEmpty(), "see i18n/GLOSSARY.zh-CN.md: " + wrong);
    }

    @Test
    @DisplayName("密钥 is always API 密钥, 客户端密钥, 签名密钥 or 验证器密钥")
    void keysAreNamed() {
        Set<String> wrong = new TreeSet<>();
        chinese.forEach((key, value) -> {
            if (BARE_KEY.matcher(value).find()) {
                wrong.add(key);
            }
        });
        assertTrue(wrong.isEmpty(), "bare 密钥 in " + wrong);
    }

    @Test
    @DisplayName("no space before or after full-width punctuation, a full-width colon included")
    void noSpaceAtFullWidthPunctuation() {
        Set<String> wrong = new TreeSet<>();
        chinese.forEach((key, value) -> {
            if (SPACE_AT_FULL_WIDTH.matcher(value).find()) {
                wrong.add(key);
            }
        });
        assertTrue(wrong.isEmpty(), "space next to ，。：；！？、（） in " + wrong);
    }

    @Test
    @DisplayName("one half-width space between Chinese characters and Latin letters or digits")
    void spaceBetweenChineseAndLatin() {
        Set<String> wrong = new TreeSet<>();
        chinese.forEach((key, value) -> {
            if (UNSPACED_LATIN.matcher(value).find()) {
                wrong.add(key);
            }
        });
        assertTrue(wrong.isEmpty(), "write 6 位验证码 and OKPay 账户, not 6位 or OKPay账户, in " + wrong);
    }
}
