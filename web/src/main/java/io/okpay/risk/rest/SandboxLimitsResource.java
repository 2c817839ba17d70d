package io.okpay.risk.rest;

import io.okpay.risk.boundary.Limits;
import io.okpay.shared.BusinessException;
import io.okpay.shared.BusinessException.FieldError;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The sandbox's limits switch (only where okpay.sandbox.enabled is on; 404 elsewhere): the benchmark turns limits off
 * and on again on this instance to measure what they cost in one run (README "Benchmark").
 */
@Path("sandbox/limits")
public class SandboxLimitsResource {

    @EJB
    Limits limits;

    @POST
    public Response switchLimits(@QueryParam("enabled") Boolean enabled) {
        if (enabled == null) {
            throw BusinessException.invalid(List.of(new FieldError("enabled", "invalid_value")));
        }
        limits.switchInSandbox(enabled);
        return Response.noContent().build();
    }
}
