package io.okpay.support.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the contact page and other pages say about reaching support ({@code #{supportContact.email}}): the support
 * address, the first-reply promise in hours, and the social channels of okpay.support.social
 * ({@code Name=https://...,Other=https://...}; entries that are not http(s) links are left out).
 */
@Named
@ApplicationScoped
public class SupportContact {

    /** A social channel: its name and link. */
    public record Channel(String name, String url) {
    }

    @Inject
    @ConfigProperty(name = "okpay.support.email")
    Optional<String> supportEmail;

    @Inject
    @ConfigProperty(name = "okpay.operator.support-email")
    String operatorSupportEmail;

    @Inject
    @ConfigProperty(name = "okpay.support.first-reply-within", defaultValue = "PT24H")
    Duration firstReplyWithin;

    @Inject
    @ConfigProperty(name = "okpay.support.social")
    Optional<String> social;

    public String getEmail() {
        return supportEmail.filter(s -> !s.isBlank()).orElse(operatorSupportEmail).trim();
    }

    public long getHours() {
        return Math.max(1, firstReplyWithin.toHours());
    }

    public List<Channel> getChannels() {
        return channels(social.orElse(""));
    }

    static List<Channel> channels(String setting) {
        List<Channel> channels = new ArrayList<>();
        for (String entry : setting.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = entry.substring(0, eq).strip();
            String url = entry.substring(eq + 1).strip();
            try {
                String scheme = URI.create(url).getScheme();
                if (!name.isEmpty() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                    channels.add(new Channel(name, url));
                }
            } catch (IllegalArgumentException e) {
                // not a link: left out
            }
        }
        return channels;
    }
}
