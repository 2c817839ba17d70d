package io.okpay.notification;

import io.okpay.it.Deployments;
import io.okpay.it.Http;
import io.okpay.it.MailCatcher;
import io.okpay.notification.boundary.Mail;
import io.okpay.notification.boundary.Outbox;
import io.okpay.notification.entity.OutboxEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox and e-mail, in the container: delivery after commit only, retries, real SMTP in both languages. */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.okpay().addClasses(ProbeHandler.class, MailCatcher.class, MailCatcher.Received.class, Http.class);
    }

    @Inject
    Outbox outbox;

    @Inject
    Mail mail;

    @Resource
    UserTransaction tx;

    @Test
    @DisplayName("an event is delivered after its transaction commits, never when it rolls back")
    void deliveredOnlyAfterCommit() throws Exception {
        String committed = "{\"probe\":\"" + UUID.randomUUID() + "\"}";
        String rolledBack = "{\"probe\":\"" + UUID.randomUUID() + "\"}";
        tx.begin();
        outbox.enqueue(ProbeHandler.TYPE, committed);
        tx.commit();
        tx.begin();
        outbox.enqueue(ProbeHandler.TYPE, rolledBack);
        tx.rollback();

        awaitTrue(Duration.ofSeconds(20), () -> ProbeHandler.DELIVERED.contains(committed));
        Thread.sleep(2000);
        assertFalse(ProbeHandler.ATTEMPTED.contains(rolledBack));
        assertTrue(ProbeHandler.DELIVERED.stream().filter(committed::equals).count() == 1, "delivered once");
    }

    @Test
    @DisplayName("a failed delivery is tried again after a back-off")
    void retried() throws Exception {
        String flaky = "{\"probe\":\"flaky-" + UUID.randomUUID() + "\"}";
        tx.begin();
        outbox.enqueue(ProbeHandler.TYPE, flaky);
        tx.commit();
        awaitTrue(Duration.ofSeconds(30), () -> ProbeHandler.DELIVERED.contains(flaky));
        assertTrue(ProbeHandler.ATTEMPTED.stream().filter(flaky::equals).count() == 2);
    }

    @Test
    @DisplayName("urgent events (codes, links) go out ahead of a backlog of normal ones (receipts)")
    void urgentFirst() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> backlog = new ArrayList<>();
        String urgent = "{\"probe\":\"urgent-" + run + "\"}";
        tx.begin();
        for (int i = 0; i < 60; i++) {
            backlog.add("{\"probe\":\"receipt-" + i + "-" + run + "\"}");
            outbox.enqueue(ProbeHandler.TYPE, backlog.get(i));
        }
        outbox.enqueue(ProbeHandler.TYPE, urgent, OutboxEvent.Priority.URGENT);
        tx.commit();
        awaitTrue(Duration.ofSeconds(30), () -> ProbeHandler.DELIVERED.containsAll(backlog) && ProbeHandler.DELIVERED.contains(urgent));
        int urgentAt = ProbeHandler.DELIVERED.indexOf(urgent);
        for (String receipt : backlog) {
            assertTrue(urgentAt < ProbeHandler.DELIVERED.indexOf(receipt), "the urgent event went out after " + receipt);
        }
    }

    @Test
    @DisplayName("the outbox refuses to write outside a transaction")
    void needsTransaction() {
        assertThrows(EJBTransactionRequiredException.class, () -> outbox.enqueue(ProbeHandler.TYPE, "{}"));
    }

    @Test
    @DisplayName("an e-mail leaves over SMTP in the recipient's language, as text and HTML, signed with the configured operator")
    void mailInChinese() throws Exception {
        String to = "mail-" + UUID.randomUUID() + "@example.com";
        tx.begin();
        mail.send(to, Locale.SIMPLIFIED_CHINESE, "smtp_check", "https://okpay.example/");
        tx.commit();
        MailCatcher.Received received = MailCatcher.await(to, "OKPay 测试邮件");
        assertTrue(received.text().contains("这是来自 https://okpay.example/ 的 OKPay 测试邮件"), received.text());
        assertTrue(received.html().contains("<a href=\"https://okpay.example/\""), received.html());
        assertTrue(received.html().contains("lang=\"zh-CN\""));
        assertTrue(MailCatcher.link(received, "okpay.example").startsWith("https://okpay.example/"));
        // Every mail names the operator configured in arquillian.xml, in the mail's language, in both parts.
        String operator = "OKPay 由 Teapot-Payments-Ltd（12-Harbour-Road-Leith）运营。牌照：EMI-licence-900123。客服邮箱：help@teapot-payments.example";
        assertTrue(received.text().strip().endsWith(operator), received.text());
        assertTrue(received.html().contains(operator), received.html());

        String english = "mail-" + UUID.randomUUID() + "@example.com";
        tx.begin();
        mail.send(english, Locale.ENGLISH, "smtp_check", "https://okpay.example/");
        tx.commit();
        MailCatcher.Received inEnglish = MailCatcher.await(english, "OKPay test message");
        assertTrue(inEnglish.text().contains("the mail settings work"));
        assertTrue(inEnglish.text().contains("OKPay is run by Teapot-Payments-Ltd, 12-Harbour-Road-Leith. Licence: EMI-licence-900123."
                + " Support: help@teapot-payments.example"), inEnglish.text());
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
