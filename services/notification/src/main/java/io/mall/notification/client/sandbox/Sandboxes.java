package io.mall.notification.client.sandbox;

/** What the sandboxes may write to a log of an address: its end, enough to tell two apart. */
final class Sandboxes {

    private Sandboxes() {
    }

    static String lastFour(String address) {
        return address.length() <= 4 ? "****" : address.substring(address.length() - 4);
    }
}
