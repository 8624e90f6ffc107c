package org.forwardonly.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The class-data archive's training run (./pepita writes pepita.jsa with it) still runs every one of
 * its commands as it expects: a command whose options changed would otherwise leave its classes out
 * of the archive unnoticed (the script keeps no archive when the training fails).
 */
class ClassDataTrainingTest {
    @Test
    void everyTrainingCommandEndsAsExpected() throws Exception {
        assertEquals(0, ClassDataTraining.failures());
    }
}
