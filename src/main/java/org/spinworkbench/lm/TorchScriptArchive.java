package org.spinworkbench.lm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bytes of a TorchScript archive, the zip {@code torch.jit.save} writes, holding one module
 * with no parameters and no buffers whose methods are TorchScript source. libtorch compiles the
 * source when it loads the archive, so any operator of the libtorch in use can be called, with
 * its own autograd formula, although DJL does not expose it.
 *
 * <p>The archive holds what {@code torch.jit.load} reads: {@code code/__torch__.py} (the class),
 * {@code data.pkl} (the module object: a pickle of the class with its {@code training} flag),
 * {@code constants.pkl} (an empty tuple) and {@code version}, every entry stored uncompressed
 * under one folder, as torch writes them.
 */
final class TorchScriptArchive {
    /** The file format version this archive declares (libtorch 2.x reads up to 10): no operator upgraders apply. */
    static final int FORMAT_VERSION = 10;
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final String FOLDER = "module/";

    private TorchScriptArchive() {
    }

    /**
     * An archive of class {@code className} whose body (after the class line) is {@code methods}:
     * TorchScript definitions indented by two spaces, each method's first parameter
     * {@code self: __torch__.<className>}.
     */
    static byte[] of(String className, String methods) {
        if (!CLASS_NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("a TorchScript class name is a capitalised identifier, found '"
                    + className + "'");
        }
        String code = "class " + className + "(Module):\n"
                + "  __parameters__ = []\n"
                + "  __buffers__ = []\n"
                + "  training : bool\n"
                + methods;
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("data.pkl", moduleObject(className));
        entries.put("code/__torch__.py", code.getBytes(StandardCharsets.UTF_8));
        entries.put("constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // PROTO 2, EMPTY_TUPLE, STOP
        entries.put("version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        return zip(entries);
    }

    /** Pickle (protocol 2) of {@code __torch__.<className>()} with {@code training = True}, as torch writes it. */
    private static byte[] moduleObject(String className) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.writeBytes(new byte[] {(byte) 0x80, 2});                                      // PROTO 2
        pickle.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        pickle.writeBytes(new byte[] {')', (byte) 0x81, '}', '('});                          // EMPTY_TUPLE NEWOBJ EMPTY_DICT MARK
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        pickle.write('X');                                                                    // BINUNICODE, 4-byte little-endian length
        pickle.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        pickle.writeBytes(key);
        pickle.writeBytes(new byte[] {(byte) 0x88, 'u', 'b', '.'});                          // NEWTRUE SETITEMS BUILD STOP
        return pickle.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] content = entry.getValue();
                ZipEntry stored = new ZipEntry(FOLDER + entry.getKey());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(content.length);
                stored.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                stored.setCrc(crc.getValue());
                zip.putNextEntry(stored);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a TorchScript archive in memory", e);
        }
        return bytes.toByteArray();
    }
}
