package ru.yavka.integration.client;

/** The patient's card in 1C:Медицина: its id there and, if 1C gives one, a link staff can open. */
public record CardLink(String cardId, String url) {
}
