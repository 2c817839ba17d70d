package io.okpay.sandbox.acquirer;

import io.okpay.funding.boundary.CardBrand;
import io.okpay.funding.boundary.CardNumber;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The rules and the state of the sandbox processor.
 * <p>
 * Tokens carry what the sandbox needs to know about the card (test behaviour, brand, last four, expiry) and nothing
 * else, so they need no storage and stay valid across restarts: cards saved while trying OKPay keep working.
 * Authorisations and idempotency keys are kept in memory: they live minutes, belong to a pretend bank rather than to
 * OKPay (so not in OKPay's database or migrations), and a restart simply forgets them, as a real processor's test
 * mode may. One instance serves the whole sandbox, so one JVM's memory is the truth.
 */
@ApplicationScoped
public class SandboxProcessor {

    /** The one-time code the sandbox issuer accepts for challenged authorisations. */
    static final String CHALLENGE_CODE = "123456";
    static final int CHALLENGE_ATTEMPTS = 3;

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();
    private final Map<String, Keyed> idempotencyKeys = new ConcurrentHashMap<>();

    /** A token and what it stands for. */
    record Token(String id, TestCard behaviour, CardBrand brand, String last4, int expMonth, int expYear) {
    }

    /** An authorisation as the sandbox keeps it; replaced as a whole on every change. */
    record Authorization(String id, String status, String declineCode, long amount, String currency, Token card,
                         int challengeAttemptsLeft, Instant created) {

        Authorization with(String newStatus, String newDeclineCode, int attemptsLeft) {
            return new Authorization(id, newStatus, newDeclineCode, amount, currency, card, attemptsLeft, created);
        }
    }

    /** An authorisation and whether this call created it (201) or replayed an earlier one (200). */
    record Outcome(Authorization authorization, boolean created) {
    }

    private record Keyed(String fingerprint, String authorizationId) {
    }

    Token tokenise(String number, Integer expMonth, Integer expYear, String cvc, YearMonth today) {
        CardNumber card = CardNumber.of(number);
        Optional<CardBrand> brand = card.brand();
        if (brand.isEmpty() || !brand.get().issuesLength(card.digits().length()) || !card.passesLuhn()) {
            throw new SandboxError(400, "invalid_number", "The card number is not valid.");
        }
        if (expMonth == null || expYear == null || expMonth < 1 || expMonth > 12
                || YearMonth.of(expYear, expMonth).isBefore(today)) {
            throw new SandboxError(400, "invalid_expiry", "The expiry date is not valid or has passed.");
        }
        if (cvc == null || !cvc.matches("\\d+") || cvc.length() != brand.get().cvcLength()) {
            throw new SandboxError(400, "invalid_cvc", "The security code is not valid.");
        }
        TestCard behaviour = TestCard.of(card.digits());
        String id = String.join("_", "tok", behaviour.wireName(), brand.get().wireName(), card.lastFour(),
                String.format("%02d%04d", expMonth, expYear), random(12));
        return new Token(id, behaviour, brand.get(), card.lastFour(), expMonth, expYear);
    }

    Token token(String id) {
        String[] parts = id == null ? new String[0] : id.split("_");
        try {
            if (parts.length == 6 && parts[0].equals("tok") && parts[4].length() == 6) {
                CardBrand brand = CardBrand.fromWireName(parts[2]).orElseThrow(IllegalArgumentException::new);
                return new Token(id, TestCard.fromWireName(parts[1]), brand, parts[3],
                        Integer.parseInt(parts[4].substring(0, 2)), Integer.parseInt(parts[4].substring(2)));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the answer for every other malformed token.
        }
        throw new SandboxError(400, "invalid_token", "No such card token.");
    }

    Outcome authorize(String idempotencyKey, String tokenId, Long amount, String currency) {
        requireKey(idempotencyKey);
        Token card = token(tokenId);
        if (amount == null || amount <= 0 || amount > 1_000_000_000_000L) {
            throw new SandboxError(400, "invalid_amount", "The amount must be a positive whole number of minor units.");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new SandboxError(400, "invalid_currency", "The currency must be an ISO 4217 code.");
        }
        String fingerprint = "authorize|" + tokenId + "|" + amount + "|" + currency;
        String newId = "auth_" + random(20);
        Keyed keyed = idempotencyKeys.computeIfAbsent(idempotencyKey, key -> {
            authorizations.put(newId, firstAnswer(newId, card, amount, currency));
            return new Keyed(fingerprint, newId);
        });
        if (!keyed.fingerprint().equals(fingerprint)) {
            throw conflict();
        }
        return new Outcome(authorizations.get(keyed.authorizationId()), keyed.authorizationId().equals(newId));
    }

    private static Authorization firstAnswer(String id, Token card, long amount, String currency) {
        Authorization authorized = new Authorization(id, "authorized", null, amount, currency, card, 0, Instant.now());
        return switch (card.behaviour()) {
            case APPROVED, SLOW -> authorized;
            case CHALLENGE -> authorized.with("challenge_required", null, CHALLENGE_ATTEMPTS);
            case DECLINED -> authorized.with("declined", "declined", 0);
            case INSUFFICIENT_FUNDS -> authorized.with("declined", "insufficient_funds", 0);
            case EXPIRED_CARD -> authorized.with("declined", "expired_card", 0);
            case PROCESSING_ERROR -> authorized.with("declined", "processing_error", 0);
        };
    }

    Authorization completeChallenge(String id, String code) {
        return change(id, current -> {
            if (!current.status().equals("challenge_required")) {
                throw invalidState(current);
            }
            if (CHALLENGE_CODE.equals(code)) {
                return current.with("authorized", null, 0);
            }
            int left = current.challengeAttemptsLeft() - 1;
            return left > 0
                    ? current.with("challenge_required", null, left)
                    : current.with("declined", "challenge_failed", 0);
        });
    }

    Authorization capture(String idempotencyKey, String id) {
        return keyed(idempotencyKey, "capture", id, () -> change(id, current -> switch (current.status()) {
            case "authorized" -> current.with("captured", null, 0);
            case "captured" -> current;
            default -> throw invalidState(current);
        }));
    }

    Authorization voidAuthorization(String idempotencyKey, String id) {
        return keyed(idempotencyKey, "void", id, () -> change(id, current -> switch (current.status()) {
            case "authorized", "challenge_required" -> current.with("voided", null, 0);
            case "voided" -> current;
            default -> throw invalidState(current);
        }));
    }

    Authorization find(String id) {
        Authorization found = id == null ? null : authorizations.get(id);
        if (found == null) {
            throw new SandboxError(404, "not_found", "No such authorization.");
        }
        return found;
    }

    Authorization findByIdempotencyKey(String idempotencyKey) {
        Keyed keyed = idempotencyKey == null ? null : idempotencyKeys.get(idempotencyKey);
        if (keyed == null || !keyed.fingerprint().startsWith("authorize|")) {
            throw new SandboxError(404, "not_found", "No authorization with this idempotency key.");
        }
        return find(keyed.authorizationId());
    }

    /** Capture and void: the key is optional, but once used it belongs to this operation on this authorisation. */
    private Authorization keyed(String idempotencyKey, String operation, String id, Supplier<Authorization> action) {
        if (idempotencyKey == null) {
            return action.get();
        }
        String fingerprint = operation + "|" + id;
        Keyed earlier = idempotencyKeys.putIfAbsent(idempotencyKey, new Keyed(fingerprint, id));
        if (earlier != null && !earlier.fingerprint().equals(fingerprint)) {
            throw conflict();
        }
        return action.get();
    }

    private Authorization change(String id, UnaryOperator<Authorization> transition) {
        find(id);
        return authorizations.computeIfPresent(id, (key, current) -> transition.apply(current));
    }

    private static void requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new SandboxError(400, "idempotency_key_required",
                    "Send an Idempotency-Key header of 1 to 255 characters.");
        }
    }

    private static SandboxError conflict() {
        return new SandboxError(422, "idempotency_conflict", "This idempotency key was used for another request.");
    }

    private static SandboxError invalidState(Authorization current) {
        return new SandboxError(409, "invalid_state", "The authorization is " + current.status() + ".");
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static YearMonth thisMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }
}
