package io.okpay.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
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

    /**
     * An argument that is written differently in each language (the name of a limit, an amount, a date): formatted in
     * the reader's locale when the message is.
     */
    @FunctionalInterface
    public interface Localized extends java.io.Serializable {
        String in(Locale locale);
    }

    /**
     * The text of a key as a MessageFormat pattern over the arguments (so an apostrophe is written '' in keys that
     * Java code reads: error.*, mail.*, problem.*); the key itself when it is missing. {@link Localized} arguments are
     * written in the locale first.
     */
    public static String get(Locale locale, String key, Object... args) {
        if (!has(locale, key)) {
            return key;
        }
        Object[] values = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Localized localized) {
                values[i] = localized.in(supported(locale));
            }
        }
        return new MessageFormat(bundle(locale).getString(key), supported(locale)).format(values);
    }

    public static boolean has(Locale locale, String key) {
        return bundle(locale).containsKey(key);
    }
}
