package io.okpay.shared.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiRequestsTest {

    @Test
    @DisplayName("the API is /api and everything under /api/, nothing that merely starts with the letters")
    void apiPaths() {
        assertTrue(ApiRequests.isApiPath("/api"));
        assertTrue(ApiRequests.isApiPath("/api/v1/me"));
        assertTrue(ApiRequests.isApiPath("/api/v2/nothing"));
        assertFalse(ApiRequests.isApiPath("/apis.xhtml"));
        assertFalse(ApiRequests.isApiPath("/wallet/export.csv"));
        assertFalse(ApiRequests.isApiPath(""));
    }

    @Test
    @DisplayName("a raw URI is read as the container maps it: encoded letters, ;parameters and doubled slashes undone")
    void rawUrisAsMapped() {
        assertEquals("/api/v1/me", ApiRequests.decodedPath("/%61pi/v1/me", ""));
        assertEquals("/api/v1/me", ApiRequests.decodedPath("/api;x/v1/me", ""));
        assertEquals("/api/v1/me", ApiRequests.decodedPath("/api;jsessionid=1/v1;a=b/me", ""));
        assertEquals("/api/v1/me", ApiRequests.decodedPath("/shop/api//v1/me", "/shop"));
        assertEquals("/api/v1/a+b", ApiRequests.decodedPath("/api/v1/a+b", ""));
        assertEquals("/api/v1/%zz", ApiRequests.decodedPath("/api/v1/%zz", ""), "undecodable: left as it came");
        assertEquals("", ApiRequests.decodedPath(null, ""));
    }
}
