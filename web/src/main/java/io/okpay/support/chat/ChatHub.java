package io.okpay.support.chat;

import io.okpay.support.boundary.ChatAuthor;
import io.okpay.support.boundary.ChatChanges;
import io.okpay.support.boundary.ChatLineView;
import io.okpay.support.boundary.ChatStatus;
import io.okpay.support.boundary.ChatView;
import io.okpay.support.boundary.SupportChats;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's chat sockets, and the delivery to them of what the database holds: while any socket is open, it
 * polls {@link SupportChats#since} every {@value #POLL_MILLIS} ms for new lines (by id, looking back a little for
 * lines whose transactions committed late; each line is sent once) and changed chats (status, typing, delivery),
 * and sends each to the sockets of the chat's person and operator that live here. A line sent to the other side's
 * browser is recorded as delivered. Every {@value #HOUSEKEEPING_SECONDS} s it renews the presence of the operators
 * whose consoles are open here, ends idle chats, and tells people when the desk comes online or goes away.
 * Nothing depends on the other instances' memory: a second instance finds the same rows.
 */
@ApplicationScoped
public class ChatHub {

    static final long POLL_MILLIS = 300;
    static final long HOUSEKEEPING_SECONDS = 10;
    /** Lines are looked for from this many ids before the last one seen: ids are taken before commits land. */
    static final long LOOK_BACK = 200;
    static final long TYPING_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(ChatHub.class.getName());

    @EJB
    SupportChats chats;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Set<Session>> people = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> desks = new ConcurrentHashMap<>();
    /** chat#seq of the lines already sent, the newest few thousand. */
    private final Set<String> sent = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 5000;
        }
    });
    /** What each side was last told of a chat's state ("chat|person" → the JSON), the newest few thousand. */
    private final Map<String, String> told = new LinkedHashMap<String, String>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 5000;
        }
    };
    private long cursor = -1;
    private Instant lastPoll = Instant.now();
    private Instant lastHousekeeping = Instant.EPOCH;
    private Boolean online;
    private ScheduledFuture<?> poller;

    // ---- sockets ---------------------------------------------------------------------------------------------------

    synchronized void joinPerson(String userId, Session socket) {
        start();
        people.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    synchronized void joinDesk(String operatorId, Session socket) {
        start();
        desks.computeIfAbsent(operatorId, k -> ConcurrentHashMap.newKeySet()).add(socket);
        chats.present(List.of(operatorId));
    }

    synchronized void leave(String userId, Session socket) {
        remove(people, userId, socket);
        if (remove(desks, userId, socket)) {
            chats.absent(userId);
        }
    }

    /** Removes the socket; true when it was the last one of that key here. */
    private static boolean remove(Map<String, Set<Session>> map, String key, Session socket) {
        Set<Session> sockets = map.get(key);
        if (sockets == null || !sockets.remove(socket)) {
            return false;
        }
        if (sockets.isEmpty()) {
            map.remove(key);
            return true;
        }
        return false;
    }

    private void start() {
        if (cursor < 0) {
            // Before any socket reads its history: lines after this point arrive by the poll.
            cursor = chats.lastLineId();
            lastPoll = Instant.now();
        }
        if (poller == null) {
            poller = scheduler.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    // ---- the poll --------------------------------------------------------------------------------------------------

    void poll() {
        try {
            synchronized (this) {
                if (people.isEmpty() && desks.isEmpty()) {
                    // Nobody here to tell: the next socket starts from what is new then.
                    cursor = -1;
                    return;
                }
                deliver();
                if (Instant.now().isAfter(lastHousekeeping.plusSeconds(HOUSEKEEPING_SECONDS))) {
                    housekeeping();
                }
            }
        } catch (RuntimeException e) {
            // A failed poll (the database away a moment) is retried on the next one.
            LOG.log(Level.WARNING, "chat poll failed", e);
        }
    }

    private void deliver() {
        Instant now = Instant.now();
        ChatChanges changes = chats.since(Math.max(0, cursor - LOOK_BACK), lastPoll.minusSeconds(2));
        lastPoll = now;
        boolean queueChanged = false;
        for (ChatLineView line : changes.lines()) {
            if (sent.add(line.chatId() + "#" + line.seq())) {
                queueChanged |= line.operatorId() == null;
                send(line);
            }
        }
        cursor = Math.max(cursor, changes.lastLineId());
        for (ChatView chat : changes.chats()) {
            queueChanged |= state(chat, now);
        }
        if (queueChanged) {
            desks.forEach(this::sendQueue);
        }
    }

    private void housekeeping() {
        lastHousekeeping = Instant.now();
        if (!desks.isEmpty()) {
            chats.present(Set.copyOf(desks.keySet()));
        }
        chats.endIdle();
        boolean now = chats.online();
        if (online == null || online != now) {
            online = now;
            JsonObject presence = Json.createObjectBuilder().add("type", "presence").add("online", now).build();
            people.values().forEach(sockets -> sockets.forEach(s -> send(s, presence)));
        }
    }

    /** A line to the person's and the operator's sockets here; delivered when the other side's browser got it. */
    private void send(ChatLineView line) {
        boolean byPerson = line.author() == ChatAuthor.PERSON;
        int toPerson = sendAll(people.get(line.userId()), lineJson(line, byPerson ? "you" : "support"));
        if (!byPerson && toPerson > 0) {
            chats.received(line.chatId(), true, line.seq());
        }
        if (line.operatorId() != null) {
            int toOperator = sendAll(desks.get(line.operatorId()), lineJson(line, byPerson ? "person" : "you"));
            if (byPerson && toOperator > 0) {
                chats.received(line.chatId(), false, line.seq());
            }
        }
    }

    /** Tells each side what changed; true when the desks' list of chats may have changed. */
    private boolean state(ChatView chat, Instant now) {
        String before = told.get(chat.id() + "|status");
        told.put(chat.id() + "|status", chat.status().code() + chat.operatorId());
        tell(people.get(chat.userId()), chat.id() + "|person", personState(chat, now));
        if (chat.operatorId() != null) {
            tell(desks.get(chat.operatorId()), chat.id() + "|desk", deskState(chat, now));
        }
        return chat.status() == ChatStatus.WAITING || before == null
                || !before.equals(chat.status().code() + chat.operatorId());
    }

    private void tell(Set<Session> sockets, String key, JsonObject state) {
        if (sockets == null || sockets.isEmpty()) {
            return;
        }
        String text = state.toString();
        if (!text.equals(told.put(key, text))) {
            sendAll(sockets, state);
        }
    }

    void sendQueue(String operatorId, Set<Session> sockets) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ChatView chat : chats.desk(operatorId)) {
            list.add(Json.createObjectBuilder().add("chat", chat.id()).add("person", chat.personName())
                    .add("status", chat.status().code()).add("category", chat.category().code())
                    .add("since", chat.createdAt().toString()).add("lines", chat.lines()));
        }
        sendAll(sockets, Json.createObjectBuilder().add("type", "queue").add("chats", list).build());
    }

    // ---- what the browsers get -------------------------------------------------------------------------------------

    static JsonObject lineJson(ChatLineView line, String from) {
        return Json.createObjectBuilder().add("type", "line").add("chat", line.chatId()).add("seq", line.seq())
                .add("from", from).add("text", line.body()).add("at", line.createdAt().toString()).build();
    }

    static JsonObject personState(ChatView chat, Instant now) {
        JsonObjectBuilder state = Json.createObjectBuilder().add("type", "state").add("chat", chat.id())
                .add("status", chat.status().code()).add("category", chat.category().code())
                .add("delivered", chat.operatorReceived())
                .add("typing", chat.typing(false, now, TYPING_SECONDS));
        if (chat.operatorTypingAt() != null) {
            state.add("typed", chat.operatorTypingAt().toEpochMilli());
        }
        if (chat.operatorName() != null) {
            state.add("operator", chat.operatorName());
        }
        if (chat.ticketId() != null) {
            state.add("ticket", chat.ticketId());
        }
        return state.build();
    }

    static JsonObject deskState(ChatView chat, Instant now) {
        JsonObjectBuilder state = Json.createObjectBuilder().add("type", "state").add("chat", chat.id())
                .add("status", chat.status().code()).add("person", chat.personName())
                .add("category", chat.category().code()).add("delivered", chat.personReceived())
                .add("typing", chat.typing(true, now, TYPING_SECONDS));
        if (chat.personTypingAt() != null) {
            state.add("typed", chat.personTypingAt().toEpochMilli());
        }
        if (chat.ticketId() != null) {
            state.add("ticket", chat.ticketId());
        }
        return state.build();
    }

    private static int sendAll(Set<Session> sockets, JsonObject message) {
        int sentTo = 0;
        if (sockets != null) {
            for (Session socket : sockets) {
                sentTo += send(socket, message) ? 1 : 0;
            }
        }
        return sentTo;
    }

    /** One message to one socket; sends to a socket never overlap (the poll and the endpoint both send). */
    static boolean send(Session socket, JsonObject message) {
        if (!socket.isOpen()) {
            return false;
        }
        synchronized (socket) {
            try {
                socket.getBasicRemote().sendText(message.toString());
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }
    }
}
