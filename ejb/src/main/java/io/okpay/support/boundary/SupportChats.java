package io.okpay.support.boundary;

import io.okpay.audit.boundary.AuditLog;
import io.okpay.identity.boundary.UserView;
import io.okpay.identity.boundary.Users;
import io.okpay.shared.BusinessException;
import io.okpay.shared.Messages;
import io.okpay.shared.PublicIds;
import io.okpay.shared.RateWindows;
import io.okpay.support.control.SupportMails;
import io.okpay.support.control.SupportSettings;
import io.okpay.support.control.TicketRecords;
import io.okpay.support.entity.Chat;
import io.okpay.support.entity.ChatLine;
import io.okpay.support.entity.Ticket;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live chat between a signed-in person and an online SUPPORT operator. The WebSocket endpoints authenticate both
 * sides from their signed-in HTTP session and pass their public ids here; nothing a browser sends names a person, and
 * an operator only ever reaches the waiting chats and their own. Everything is in the database, so the sockets of one
 * chat may sit on different instances: each instance polls {@link #since} for new lines and changed chats.
 * <p>
 * A person's first line opens a chat (waiting); an operator takes it (or answers it, which takes it); either side
 * ends it, or it ends after {@code okpay.support.chat.idle-timeout} without a line. An ended chat's transcript is a
 * ticket of the person's (channel chat, the chosen category or "other"): resolved when an operator answered, else open
 * in the queue with the first-reply promise, acknowledged by e-mail. Lines are at most
 * {@code okpay.support.chat.max-length} characters and {@code okpay.support.chat.lines-per-minute} per person
 * (counted cluster-wide by {@link RateWindows}).
 */
@Stateless
public class SupportChats {

    /** An operator's console counts as online this long after its instance last renewed it. */
    public static final Duration PRESENCE = Duration.ofSeconds(30);
    static final int SUBJECT_WORDS = 60;
    static final int POLL_MAX = 500;

    @EJB
    Users users;

    @EJB
    AuditLog audit;

    @Inject
    TicketRecords records;

    @Inject
    SupportSettings settings;

    @Inject
    SupportMails mails;

    @Inject
    RateWindows rates;

    // ---- presence --------------------------------------------------------------------------------------------------

    /** The operators whose consoles are open on the calling instance, seen now. */
    public void present(Collection<String> operatorIds) {
        Instant until = Instant.now().plus(PRESENCE);
        for (String operatorId : operatorIds) {
            records.em().createNativeQuery("INSERT INTO support_chat_presence (operator_id, seen_until) VALUES (?1, ?2) "
                            + "ON DUPLICATE KEY UPDATE seen_until = ?2")
                    .setParameter(1, operatorId).setParameter(2, until).executeUpdate();
        }
    }

    /** The operator closed their last console on the calling instance. */
    public void absent(String operatorId) {
        records.em().createNativeQuery("DELETE FROM support_chat_presence WHERE operator_id = ?1")
                .setParameter(1, operatorId).executeUpdate();
    }

    /** Is any operator's console open (on any instance)? */
    public boolean online() {
        Number count = (Number) records.em().createNativeQuery(
                "SELECT COUNT(*) FROM support_chat_presence WHERE seen_until > ?1")
                .setParameter(1, Instant.now()).getSingleResult();
        return count.longValue() > 0;
    }

    /** Hours until the first answer to a ticket is due (what the chat promises when nobody is online). */
    public long replyWithinHours() {
        return settings.firstReplyHours();
    }

    public int maxLength() {
        return settings.chatMaxLength();
    }

    // ---- the person ------------------------------------------------------------------------------------------------

    /** The person's chat that has not ended, if any. */
    public Optional<ChatView> live(String userId) {
        return liveChat(userId).map(this::view);
    }

    /** The lines of the person's chat that has not ended (none when there is none). */
    public List<ChatLineView> liveLines(String userId) {
        return liveChat(userId).map(this::lines).orElse(List.of());
    }

    /**
     * A line of the person: into their chat, or a new chat (waiting for an operator, about {@code category}) when
     * none is going on; a new chat needs an operator online.
     */
    public ChatLineView write(String userId, String text, String category) {
        String line = line(text);
        taken(userId);
        Instant now = Instant.now();
        Chat chat = liveChat(userId).map(c -> lock(c.publicId())).orElse(null);
        if (chat == null) {
            if (!online()) {
                throw new BusinessException("chat_offline", settings.firstReplyHours());
            }
            TicketCategory about = TicketCategory.parse(category);
            chat = new Chat(PublicIds.newId("cht"), userId, about == null ? TicketCategory.OTHER : about, now);
            records.em().persist(chat);
            records.em().flush();
        }
        return add(chat, ChatAuthor.PERSON, userId, line, now);
    }

    public void typing(String userId) {
        liveChat(userId).ifPresent(c -> typing(c.publicId(), true));
    }

    /** What the chat is about (the ticket's category); anything unknown is "other". */
    public void categorize(String userId, String category) {
        TicketCategory about = TicketCategory.parse(category);
        liveChat(userId).ifPresent(c -> lock(c.publicId()).categorize(about == null ? TicketCategory.OTHER : about,
                Instant.now()));
    }

    /** The person ends their chat: the transcript is a ticket (none when there was no chat). */
    public Optional<TicketView> end(String userId) {
        return liveChat(userId).map(c -> finish(lock(c.publicId()), Instant.now()));
    }

    // ---- the desk --------------------------------------------------------------------------------------------------

    /** The chats waiting for an operator, and the operator's own, oldest first. */
    public List<ChatView> desk(String operatorId) {
        requireOperator(operatorId);
        return records.em().createNamedQuery(Chat.FOR_DESK, Chat.class).setParameter("operator", operatorId)
                .getResultStream().map(this::view).toList();
    }

    /** The lines of a chat the operator may read: a waiting one, or their own. */
    public List<ChatLineView> deskLines(String operatorId, String chatId) {
        return lines(deskChat(operatorId, chatId, false));
    }

    public ChatView take(String operatorId, String chatId) {
        Chat chat = deskChat(operatorId, chatId, true);
        if (chat.status() == ChatStatus.WAITING) {
            chat.take(operatorId, Instant.now());
        }
        return view(chat);
    }

    /** The operator's line; answering a waiting chat takes it. */
    public ChatLineView answer(String operatorId, String chatId, String text) {
        String line = line(text);
        Chat chat = deskChat(operatorId, chatId, true);
        Instant now = Instant.now();
        if (chat.status() == ChatStatus.WAITING) {
            chat.take(operatorId, now);
        }
        return add(chat, ChatAuthor.OPERATOR, operatorId, line, now);
    }

    public void deskTyping(String operatorId, String chatId) {
        Chat chat = deskChat(operatorId, chatId, false);
        if (operatorId.equals(chat.operatorId())) {
            typing(chat.publicId(), false);
        }
    }

    /** The operator ends one of their chats: the transcript is a ticket. */
    public TicketView close(String operatorId, String chatId) {
        Chat chat = deskChat(operatorId, chatId, true);
        if (!operatorId.equals(chat.operatorId())) {
            throw BusinessException.notFound();
        }
        return finish(chat, Instant.now());
    }

    // ---- delivery between instances --------------------------------------------------------------------------------

    /** A side's browser was sent the chat's lines up to {@code seq}: what the other side sees as delivered. */
    public void received(String chatId, boolean person, int seq) {
        records.em().createQuery("UPDATE Chat c SET c." + (person ? "personReceived" : "operatorReceived")
                        + " = :seq, c.changedAt = :now WHERE c.publicId = :id AND c."
                        + (person ? "personReceived" : "operatorReceived") + " < :seq AND c.lineCount >= :seq")
                .setParameter("seq", seq).setParameter("now", Instant.now()).setParameter("id", chatId)
                .executeUpdate();
    }

    /** The last line written so far (where a new poller starts). */
    public long lastLineId() {
        Long last = records.em().createNamedQuery(ChatLine.LAST_ID, Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** Lines after {@code afterLineId} (at most 500) and the chats changed at or after {@code changedSince}. */
    public ChatChanges since(long afterLineId, Instant changedSince) {
        List<ChatLine> found = records.em().createNamedQuery(ChatLine.AFTER, ChatLine.class)
                .setParameter("after", afterLineId).setMaxResults(POLL_MAX).getResultList();
        Map<Long, Chat> chats = new HashMap<>();
        List<ChatLineView> lines = new ArrayList<>();
        long last = afterLineId;
        for (ChatLine line : found) {
            Chat chat = chats.computeIfAbsent(line.chatId(), id -> records.em().find(Chat.class, id));
            lines.add(lineView(chat, line));
            last = Math.max(last, line.id());
        }
        List<ChatView> changed = records.em().createNamedQuery(Chat.CHANGED_SINCE, Chat.class)
                .setParameter("since", changedSince).setMaxResults(POLL_MAX).getResultStream().map(this::view).toList();
        return new ChatChanges(lines, changed, last);
    }

    /** Ends the chats without a line for the idle timeout; safe on every instance at once. Answers how many ended. */
    public int endIdle() {
        Instant now = Instant.now();
        int ended = 0;
        for (String id : records.em().createNamedQuery(Chat.IDLE, String.class)
                .setParameter("before", now.minus(settings.chatIdleTimeout())).setMaxResults(50).getResultList()) {
            Chat chat = lock(id);
            if (chat.status() != ChatStatus.ENDED && chat.lastLineAt().isBefore(now.minus(settings.chatIdleTimeout()))) {
                finish(chat, now);
                ended++;
            }
        }
        return ended;
    }

    // ---- inside ----------------------------------------------------------------------------------------------------

    private Optional<Chat> liveChat(String userId) {
        return records.em().createNamedQuery(Chat.LIVE_OF_USER, Chat.class).setParameter("user", userId)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private Chat lock(String chatId) {
        Chat chat = records.em().createNamedQuery(Chat.BY_PUBLIC_ID, Chat.class).setParameter("id", chatId)
                .getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        records.em().lock(chat, LockModeType.PESSIMISTIC_WRITE);
        records.em().refresh(chat);
        return chat;
    }

    /** A waiting chat or the operator's own; anything else (another operator's, ended, unknown) is not found. */
    private Chat deskChat(String operatorId, String chatId, boolean lock) {
        requireOperator(operatorId);
        if (chatId == null || !chatId.startsWith("cht_")) {
            throw BusinessException.notFound();
        }
        Chat chat = lock ? lock(chatId) : records.em().createNamedQuery(Chat.BY_PUBLIC_ID, Chat.class)
                .setParameter("id", chatId).getResultStream().findFirst().orElseThrow(BusinessException::notFound);
        boolean visible = chat.status() == ChatStatus.WAITING
                || chat.status() == ChatStatus.ACTIVE && operatorId.equals(chat.operatorId());
        if (!visible) {
            throw BusinessException.notFound();
        }
        return chat;
    }

    private void requireOperator(String operatorId) {
        boolean support = users.find(operatorId).map(u -> u.roles().stream().map(Enum::name)
                .anyMatch("SUPPORT"::equals)).orElse(false);
        if (!support) {
            throw BusinessException.notFound();
        }
    }

    private void typing(String chatId, boolean person) {
        Instant now = Instant.now();
        records.em().createQuery("UPDATE Chat c SET c." + (person ? "personTypingAt" : "operatorTypingAt")
                        + " = :now, c.changedAt = :now WHERE c.publicId = :id")
                .setParameter("now", now).setParameter("id", chatId).executeUpdate();
    }

    /** Cleaned text (no control characters but line breaks and tabs), not empty, not longer than the limit. */
    private String line(String text) {
        String cleaned = text == null ? "" : text.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
        if (cleaned.isEmpty()) {
            throw new BusinessException("chat_empty");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > settings.chatMaxLength()) {
            throw new BusinessException("chat_too_long", settings.chatMaxLength());
        }
        return cleaned;
    }

    /** One line more of the person's budget, or chat_rate_limited (its argument: the seconds to wait). */
    private void taken(String userId) {
        RateWindows.Use use = rates.take("chat:" + userId, settings.chatLinesPerMinute(), Duration.ofMinutes(1));
        if (!use.allowed()) {
            throw new BusinessException("chat_rate_limited", use.resetSeconds());
        }
    }

    private ChatLineView add(Chat chat, ChatAuthor author, String authorId, String body, Instant now) {
        int seq = chat.nextLine(author == ChatAuthor.PERSON, now);
        ChatLine line = new ChatLine(chat.id(), seq, author, authorId, body, now);
        records.em().persist(line);
        return lineView(chat, line);
    }

    private List<ChatLineView> lines(Chat chat) {
        return records.em().createNamedQuery(ChatLine.OF_CHAT, ChatLine.class).setParameter("chat", chat.id())
                .getResultStream().map(l -> lineView(chat, l)).toList();
    }

    private static ChatLineView lineView(Chat chat, ChatLine line) {
        return new ChatLineView(chat.publicId(), chat.userId(), chat.operatorId(), line.seq(), line.author(),
                line.body(), line.createdAt());
    }

    private ChatView view(Chat chat) {
        String ticket = chat.ticketId() == null ? null : records.em().find(Ticket.class, chat.ticketId()).publicId();
        return new ChatView(chat.publicId(), chat.userId(), name(chat.userId()), chat.operatorId(),
                chat.operatorId() == null ? null : name(chat.operatorId()), chat.status(), chat.category(),
                chat.lineCount(), chat.personTypingAt(), chat.operatorTypingAt(), chat.personReceived(),
                chat.operatorReceived(), chat.createdAt(), ticket);
    }

    private String name(String userId) {
        return users.find(userId).map(UserView::displayName).orElse("");
    }

    /**
     * Ends the chat (locked, not ended yet): its lines become the messages of a ticket of the person's, in order and
     * with their times. Answered by an operator: resolved, theirs; not answered: open in the queue, acknowledged.
     */
    private TicketView finish(Chat chat, Instant now) {
        if (chat.status() == ChatStatus.ENDED) {
            return chat.ticketId() == null ? null : records.view(records.em().find(Ticket.class, chat.ticketId()), now);
        }
        List<ChatLine> lines = records.em().createNamedQuery(ChatLine.OF_CHAT, ChatLine.class)
                .setParameter("chat", chat.id()).getResultList();
        UserView person = users.require(chat.userId());
        String first = lines.stream().filter(l -> l.author() == ChatAuthor.PERSON).map(ChatLine::body).findFirst()
                .orElse("…");
        String subject = Messages.get(person.locale(), "support.chat.subject", shorten(first));
        Instant opened = chat.createdAt().truncatedTo(ChronoUnit.MICROS);
        Ticket ticket = new Ticket(PublicIds.newId("tkt"), person.id(), person.email(), person.locale().toLanguageTag(),
                chat.category(), subject, Channel.CHAT, null, opened, opened.plus(settings.firstReplyWithin()));
        records.em().persist(ticket);
        records.em().flush();
        Instant firstAnswer = null;
        for (ChatLine line : lines) {
            boolean byPerson = line.author() == ChatAuthor.PERSON;
            records.add(ticket, byPerson ? MessageKind.CUSTOMER : MessageKind.AGENT, line.authorId(), Channel.CHAT,
                    line.body(), List.of(), line.createdAt());
            if (!byPerson && firstAnswer == null) {
                firstAnswer = line.createdAt();
            }
        }
        if (firstAnswer != null) {
            ticket.answered(firstAnswer);
            ticket.assign(chat.operatorId(), now);
            ticket.moveTo(TicketStatus.RESOLVED, now);
        } else {
            ticket.touch(now);
            mails.acknowledge(ticket, person.displayName(), person.timeZone());
        }
        if (ticket.securityReport()) {
            audit.record(person.id(), "support.security_report", null, ticket.publicId() + " " + chat.publicId());
        }
        chat.end(ticket.id(), now);
        return records.view(ticket, now);
    }

    /** The first words of the person's first line, on one line, for the ticket's subject. */
    static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= SUBJECT_WORDS) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, SUBJECT_WORDS)).strip() + "…";
    }
}
