package io.okpay.support.faces;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SupportContactTest {

    @Test
    @DisplayName("social channels come from Name=link entries; entries that are not http(s) links are left out")
    void channels() {
        assertEquals(List.of(new SupportContact.Channel("WeChat", "https://weixin.qq.com/okpay"),
                        new SupportContact.Channel("X (Twitter)", "https://x.com/okpay")),
                SupportContact.channels(" WeChat = https://weixin.qq.com/okpay ,X (Twitter)=https://x.com/okpay,"
                        + "Evil=javascript:alert(1),NoLink,=https://nameless.example,Bad=ht tp://x"));
        assertEquals(List.of(), SupportContact.channels(""));
    }
}
