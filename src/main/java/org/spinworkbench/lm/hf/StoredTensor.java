package org.spinworkbench.lm.hf;

/**
 * A tensor as a safetensors header places it: {@code info.byteSize()} bytes from
 * {@code position}, an absolute offset in {@code info.file()} (past the 8-byte length and
 * the header), checked against the file's size when the header was read.
 */
record StoredTensor(TensorInfo info, long position) {
}
