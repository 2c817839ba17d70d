package io.okpay.shared;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeZonesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("a known region id is taken as given, trimmed; UTC too")
    void knownZones() {
        assertEquals(ZoneId.of("Europe/Paris"), TimeZones.chosen(" Europe/Paris ", Locale.SIMPLIFIED_CHINESE));
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), TimeZones.chosen("America/Argentina/Buenos_Aires", Locale.ENGLISH));
        assertEquals(ZoneId.of("UTC"), TimeZones.chosen("UTC", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    @DisplayName("unknown, missing or alias zones fall back to the language's usual zone, never an error")
    void fallbacks() {
        assertEquals(SHANGHAI, TimeZones.chosen("Mars/Olympus_Mons", Locale.SIMPLIFIED_CHINESE));
        assertEquals(SHANGHAI, TimeZones.chosen(null, Locale.forLanguageTag("zh-TW")));
        assertEquals(TimeZones.UTC, TimeZones.chosen("", Locale.ENGLISH));
        assertEquals(TimeZones.UTC, TimeZones.chosen("PRC", Locale.ENGLISH), "old aliases are not offered");
        assertEquals(TimeZones.UTC, TimeZones.chosen("Etc/GMT+8", Locale.ENGLISH));
        assertEquals(TimeZones.UTC, TimeZones.chosen("../../etc/passwd", null));
    }

    @Test
    @DisplayName("the choices start with UTC, then region ids only, sorted")
    void choices() {
        assertEquals("UTC", TimeZones.CHOICES.get(0));
        assertTrue(TimeZones.CHOICES.contains("Asia/Shanghai"));
        assertTrue(TimeZones.CHOICES.contains("America/Indiana/Indianapolis"));
        assertFalse(TimeZones.CHOICES.contains("PRC"));
        assertFalse(TimeZones.CHOICES.stream().anyMatch(id -> id.startsWith("Etc/") || id.startsWith("SystemV/")));
        assertEquals(TimeZones.CHOICES.subList(1, TimeZones.CHOICES.size()).stream().sorted().toList(),
                TimeZones.CHOICES.subList(1, TimeZones.CHOICES.size()));
    }

    @Test
    @DisplayName("a moment reads in the person's zone with its offset: eight hours ahead in Shanghai")
    void format() {
        Instant at = Instant.parse("2026-12-05T17:03:59Z");
        assertEquals("2026-12-06 01:03 GMT+8", TimeZones.format(at, SHANGHAI, Locale.SIMPLIFIED_CHINESE));
        assertEquals("2026-12-05 17:03 GMT", TimeZones.format(at, TimeZones.UTC, Locale.ENGLISH));
        assertEquals("2026-12-05 12:03 GMT-5", TimeZones.format(at, ZoneId.of("America/New_York"), Locale.ENGLISH));
    }
}
