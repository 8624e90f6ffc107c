package org.forwardonly.cli;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Java 17's archive skips class files older than Java 6 ("Pre JDK 6 class not supported by CDS"): picocli's
     * published jar is Java 5, so module picocli-cds compiles it for Java 17 (docs/performance.md, "Cold start").
     * Fails if the binary jar comes back on the class path ahead of it.
     */
    @Test
    void picocliIsCompiledForAClassFileVersionTheArchiveHolds() throws Exception {
        try (InputStream in = picocli.CommandLine.class.getResourceAsStream("CommandLine.class")) {
            assertNotNull(in, "picocli/CommandLine.class on the class path");
            DataInputStream d = new DataInputStream(in);
            assertEquals(0xCAFEBABE, d.readInt());
            d.readUnsignedShort(); // minor version
            int major = d.readUnsignedShort();
            assertTrue(major >= 61, "picocli's class file version " + major + " (Java " + (major - 44) + "); the archive needs >= 50, "
                    + "and module picocli-cds builds 61 (Java 17)");
        }
    }
}
