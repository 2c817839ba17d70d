package io.okpay.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A person's time zone: which ones may be chosen (IANA region ids such as Asia/Shanghai, or UTC), the usual one of a
 * language when the browser gave none or an unknown one, and how a moment reads in it.
 */
public final class TimeZones {

    /** The region "UTC" (not the offset Z), so it is stored and shown by the same name a person picks it by. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** Minutes and the zone's offset ("2026-12-05 17:03 GMT+8"), so a time copied elsewhere still says what it means. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm O");

    /** UTC, then the region ids a person can pick ("Europe/Paris"), sorted; old aliases (PRC, Etc/GMT+8) are left out. */
    public static final List<String> CHOICES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted()).toList();

    private TimeZones() {
    }

    /** The zone asked for when it is a known region id or UTC; otherwise the usual zone of the language. */
    public static ZoneId chosen(String asked, Locale locale) {
        String id = asked == null ? "" : asked.trim();
        if (CHOICES.contains(id)) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                // listed but without rules in this JDK: the language's zone below
            }
        }
        return usual(locale);
    }

    /** Where most people who read this language live, as far as OKPay's languages go: China for Chinese, else UTC. */
    public static ZoneId usual(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZoneId.of("Asia/Shanghai") : UTC;
    }

    /** A moment as a person reads it in their zone, to the minute, with the zone's offset. */
    public static String format(Instant at, ZoneId zone, Locale locale) {
        return at == null ? "" : MINUTES.withLocale(locale).format(at.atZone(zone));
    }
}
