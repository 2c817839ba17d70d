package io.okpay.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;

/**
 * Reads the User-Agent rules of {@link DeviceWords} in the background once OKPay starts: start-up does not wait for
 * them, and neither does the first sign-in (whose e-mail names the device).
 */
@Singleton
@Startup
public class DeviceRulesWarmUp {

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        executor.submit(DeviceWords::loadRules);
    }
}
