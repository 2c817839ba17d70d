package io.okpay.shared;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/** Test-only, in the test server: claims a job's lease as a scheduled job does, answering true or false. */
@Path("test-jobs")
@Produces(MediaType.TEXT_PLAIN)
public class JobLeaseProbe {

    @EJB
    JobLeases leases;

    @POST
    @Path("claim/{job}")
    public String claim(@PathParam("job") String job, @QueryParam("seconds") long seconds) {
        return Boolean.toString(leases.claim(job, Duration.ofSeconds(seconds)));
    }
}
