package io.okpay.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The merchant and app API. Everything under /api/v1 speaks JSON and answers errors as application/problem+json. */
@ApplicationPath("/api/v1")
public class OkPayApi extends Application {
}
