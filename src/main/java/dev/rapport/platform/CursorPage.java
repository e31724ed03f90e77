package dev.rapport.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list: the items and the opaque cursor of the next page, or null. */
public record CursorPage<T>(List<T> items, String next) {

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), next);
    }
}
