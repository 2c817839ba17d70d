package io.okpay.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The real okpay.war as built by this module, deployed at the root context like the run command does, for the tests
 * that must run inside a server of their own (Arquillian, one Payara Micro boot per class: LedgerIT only). Every other
 * IT talks to the one shared server: {@link TestServer}.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive okpay() {
        File war = new File(System.getProperty("okpay.war", "target/okpay.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after the package phase");
        }
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }
}
