package ru.yavka.audit.repository;

import java.util.List;
import java.util.function.Function;

/** One page of a longer result; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
