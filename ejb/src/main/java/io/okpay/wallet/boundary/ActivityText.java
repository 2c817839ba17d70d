package io.okpay.wallet.boundary;

import io.okpay.shared.Messages;

import java.util.Locale;

/**
 * What a movement was, in the person's language, as whole messages (a translation orders its words itself, so nothing
 * is glued word by word): the kind ("Transfer", "转账") and the sentence that says it with the other side and the
 * order ("Transfer to bob", "转账给 bob"; "Payment to Mug Shop for order W-77"). Pages, CSV files and statements
 * all say it this way.
 */
public final class ActivityText {

    private ActivityText() {
    }

    /** The kind of movement: its ledger code's name, or "Adjustment" for a code people have no word for. */
    public static String kind(String code, Locale locale) {
        String key = "activity.code." + code;
        return Messages.get(locale, Messages.has(locale, key) ? key : "activity.code.other");
    }

    /**
     * The movement as a sentence: "activity.line.{code}.{in|out}" with the counterparty ({0}) and, where the bundle has
     * the ".order" variant and there is an order, the shop's order ({1}); the kind alone when there is no other side.
     */
    public static String sentence(Activity.Item item, Locale locale) {
        if (item.counterparty() == null) {
            return kind(item.code(), locale);
        }
        String key = "activity.line." + item.code() + (item.incoming() ? ".in" : ".out");
        if (item.order() != null && Messages.has(locale, key + ".order")) {
            return Messages.get(locale, key + ".order", item.counterparty(), item.order());
        }
        return Messages.has(locale, key) ? Messages.get(locale, key, item.counterparty())
                : Messages.get(locale, "activity.line.other", kind(item.code(), locale), item.counterparty());
    }
}
