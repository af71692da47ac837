package ru.yavka.triage.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.yavka.triage.kb.KbCase;

class PipelineWarmupTest {

    private static final List<KbCase> CASES = List.of(
            new KbCase("c1", "болит голова и кружится", "neurologist", null, KbCase.Kind.CASE),
            new KbCase("c2", "чешется кожа на локтях", "dermatologist", null, KbCase.Kind.CASE));

    @Test
    void misspellingDropsALateVowelOfLongWordsOnly() {
        assertThat(PipelineWarmup.misspelled("кружится голова")).isEqualTo("кружтся голова");
        assertThat(PipelineWarmup.misspelled("температура держится")).isEqualTo("температра держтся");
        assertThat(PipelineWarmup.misspelled("болит нос")).isEqualTo("болит нос");
    }

    @Test
    void textsCycleThroughTheCasesEachAlsoMisspelled() {
        assertThat(PipelineWarmup.texts(CASES, 5)).containsExactly(
                "болит голова и кружится", "болит голова и кружтся",
                "чешется кожа на локтях", "чешется кожа на локтях",
                "болит голова и кружится");
    }

    @Test
    void noCasesNoWarmup() {
        assertThat(PipelineWarmup.texts(List.of(), 10)).isEmpty();
    }
}
