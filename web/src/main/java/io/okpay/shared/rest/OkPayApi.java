package io.okpay.shared.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The merchant and app API. Everything under /api/v1 speaks JSON and answers errors as application/problem+json. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "OKPay API",
        version = "1.0.0",
        description = "Wallets, top-ups, transfers, currency conversion and merchant checkout. Amounts are decimal "
                + "strings with their currency; money-moving writes take an Idempotency-Key header; errors are "
                + "application/problem+json with a stable code.",
        license = @License(name = "Apache-2.0")))
public class OkPayApi extends Application {
}
