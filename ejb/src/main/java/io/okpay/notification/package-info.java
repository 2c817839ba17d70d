/**
 * Effects that leave OKPay (e-mail today; SMS and webhooks later) go through the transactional outbox: written in the
 * transaction of the change that causes them, delivered afterwards with retries by {@link
 * io.okpay.notification.control.OutboxDispatcher}, safely from several instances at once.
 */
package io.okpay.notification;
