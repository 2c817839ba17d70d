package io.okpay.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.standalone.GreenMailApiResource;
import com.icegreen.greenmail.standalone.GreenMailApiServerBuilder;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The main class of the mail catcher's own JVM: GreenMail's SMTP server and REST API (the same ones
 * greenmail-standalone starts), plus a trim every second that keeps the newest messages only. GreenMail keeps every
 * message in its heap; without a bound it ran out of memory after about 30,000 mails (STACK.md fact 21), and its REST
 * API can only purge everything.
 * <p>
 * Arguments: SMTP port, REST API port, how many messages to keep, and optionally an IMAP port (OKPay's support desk
 * reads the support address's mailbox over it). All listen on 127.0.0.1 only; no authentication (any password).
 */
public final class MailCatcher {

    private static final String HOST = "127.0.0.1";

    private MailCatcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: MailCatcher <smtp port> <api port> <messages to keep> [<imap port>]");
            System.exit(2);
        }
        ServerSetup smtp = new ServerSetup(Integer.parseInt(args[0]), HOST, ServerSetup.PROTOCOL_SMTP);
        ServerSetup[] setups = args.length == 4
                ? new ServerSetup[]{smtp, new ServerSetup(Integer.parseInt(args[3]), HOST, ServerSetup.PROTOCOL_IMAP)}
                : new ServerSetup[]{smtp};
        GreenMailConfiguration configuration = GreenMailConfiguration.aConfig().withDisabledAuthentication();
        GreenMail greenMail = new GreenMail(setups);
        greenMail.withConfiguration(configuration);
        greenMail.start();
        var api = new GreenMailApiServerBuilder.GreenMailApiJdkServer(URI.create("http://" + HOST + ":" + args[1] + "/"),
                new GreenMailApiResource(greenMail, setups, configuration));
        api.start();

        MailRetention retention = new MailRetention(Integer.parseInt(args[2]));
        ScheduledExecutorService trimmer = Executors.newSingleThreadScheduledExecutor();
        trimmer.scheduleWithFixedDelay(() -> {
            try {
                trim(greenMail, retention);
            } catch (RuntimeException | FolderException e) {
                // one failed pass is retried a second later; the catcher itself must keep running
                System.out.println(Instant.now() + " trim failed: " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            trimmer.shutdownNow();
            api.stop();
            greenMail.stop();
        }, "mail-catcher-stop"));
        System.out.println(Instant.now() + " mail catcher: SMTP " + HOST + ":" + args[0] + ", API http://" + HOST + ":"
                + args[1] + "/api" + (args.length == 4 ? ", IMAP " + HOST + ":" + args[3] : "")
                + ", keeping the newest " + retention.keep() + " messages");
    }

    /** Removes the oldest messages beyond the bound from every user's INBOX (where GreenMail delivers). */
    static int trim(GreenMail greenMail, MailRetention retention) throws FolderException {
        ImapHostManager imap = greenMail.getManagers().getImapHostManager();
        List<MailFolder> inboxes = new ArrayList<>();
        int total = 0;
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            MailFolder inbox = imap.getInbox(user);
            inboxes.add(inbox);
            total += inbox.getMessageCount();
        }
        if (!retention.due(total)) {
            return 0;
        }
        List<MailRetention.Stored<MailFolder>> stored = new ArrayList<>(total);
        for (MailFolder inbox : inboxes) {
            for (StoredMessage message : inbox.getMessages()) {
                stored.add(new MailRetention.Stored<>(inbox, message.getUid(), message.getReceivedDate().getTime()));
            }
        }
        Map<MailFolder, List<Long>> byInbox = new LinkedHashMap<>();
        for (MailRetention.Stored<MailFolder> old : retention.toRemove(stored)) {
            byInbox.computeIfAbsent(old.mailbox(), f -> new ArrayList<>()).add(old.uid());
        }
        Flags deleted = new Flags(Flags.Flag.DELETED);
        int removed = 0;
        for (Map.Entry<MailFolder, List<Long>> entry : byInbox.entrySet()) {
            for (long uid : entry.getValue()) {
                entry.getKey().setFlags(deleted, true, uid, null, false);
            }
            entry.getKey().expunge();
            removed += entry.getValue().size();
        }
        System.out.println(Instant.now() + " removed the " + removed + " oldest of " + stored.size() + " messages");
        return removed;
    }
}
