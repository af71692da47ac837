package ru.yavka.integration.client;

import java.util.List;

/** What survived the contract checks, and why the rest did not (reasons never quote 1C's values). */
public record Parsed<T>(T value, List<String> rejections) {

    public Parsed {
        rejections = List.copyOf(rejections);
    }
}
