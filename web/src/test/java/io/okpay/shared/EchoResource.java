package io.okpay.shared;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only resource, in the test server for PlatformIT, to drive the error mapping with a JSON body. */
@Path("test-echo")
public class EchoResource {

    public record Greeting(String text, int count) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting echo(Greeting greeting) {
        if (greeting.count() < 0) {
            throw new BusinessException("invalid_value");
        }
        if (greeting.count() == 13) {
            throw new IllegalStateException("secret internal detail");
        }
        return greeting;
    }

    /** Typed parameters, for what an unreadable one answers. */
    @GET
    @Path("times/{count}")
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting times(@PathParam("count") int count, @QueryParam("extra") int extra) {
        return new Greeting("times", count + extra);
    }
}
