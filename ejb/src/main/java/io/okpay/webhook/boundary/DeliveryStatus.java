package io.okpay.webhook.boundary;

/** PENDING until the merchant's server answers 2xx (DELIVERED) or the retry period ends (FAILED). */
public enum DeliveryStatus { PENDING, DELIVERED, FAILED }
