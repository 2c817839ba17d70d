package io.okpay.shared;

import javax.cache.processor.MutableEntry;

/**
 * One JCache entry held in a field, as the cache hands it to an entry processor: the unit tests of the processors
 * (rate windows, throttles) run them on it without a cache.
 */
public final class MemoryEntry<K, V> implements MutableEntry<K, V> {

    private final K key;
    private V value;

    public MemoryEntry(K key) {
        this.key = key;
    }

    @Override
    public boolean exists() {
        return value != null;
    }

    @Override
    public void remove() {
        value = null;
    }

    @Override
    public void setValue(V value) {
        this.value = value;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("a test entry wraps nothing");
    }
}
