package io.okpay.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The visible words of OKPay, from {@code i18n/messages_en} and {@code i18n/messages_zh_CN}. */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private Messages() {
    }

    /** The supported locale closest to the one asked for; English when nothing matches. */
    public static Locale supported(Locale requested) {
        if (requested != null && "zh".equals(requested.getLanguage())) {
            // Traditional-script requests still get Simplified Chinese rather than English: closer to what they read.
            return SIMPLIFIED_CHINESE;
        }
        return ENGLISH;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(args);
    }
}
