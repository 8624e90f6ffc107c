package org.forwardonly.images.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (LeCun's MNIST format): magic {@code 0x00 0x00 type ndims}, then {@code ndims}
 * big-endian int32 dimensions, then the values. Only type {@code 0x08} (unsigned byte) is supported,
 * which is what MNIST and Fashion-MNIST use. A gzipped file (magic {@code 1f 8b}) is decompressed
 * on the fly, whatever its name.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads one IDX file.
     *
     * @throws IOException when the file cannot be read, is truncated, or is not an unsigned-byte IDX file
     */
    public static IdxArray read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return read(new DataInputStream(in), file);
        }
    }

    private static IdxArray read(DataInputStream in, Path file) throws IOException {
        try {
            int zero0 = in.readUnsignedByte();
            int zero1 = in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int ndims = in.readUnsignedByte();
            if (zero0 != 0 || zero1 != 0) {
                throw new IOException(file + ": not an IDX file (bad magic number)");
            }
            if (type != UNSIGNED_BYTE) {
                throw new IOException(file + ": IDX value type 0x" + Integer.toHexString(type)
                        + " is not supported (only 0x08, unsigned byte)");
            }
            if (ndims < 1) {
                throw new IOException(file + ": IDX file with no dimensions");
            }
            int[] dims = new int[ndims];
            long total = 1;
            for (int i = 0; i < ndims; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new IOException(file + ": negative IDX dimension " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": IDX file too large (" + total + " values)");
            }
            byte[] values = new byte[(int) total];
            in.readFully(values);
            return new IdxArray(dims, values);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated IDX file", e);
        }
    }
}
