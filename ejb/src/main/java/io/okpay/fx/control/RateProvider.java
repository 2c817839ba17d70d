package io.okpay.fx.control;

import io.okpay.fx.boundary.RateTable;
import java.io.IOException;

/** A source of reference exchange rates; the call may go over the network and fail. */
public interface RateProvider {

    RateTable latest() throws IOException;
}
