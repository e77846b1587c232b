#!/usr/bin/env python3
"""Independent check of a safetensors file (or a sharded model folder), standard library only.

Follows the format as https://huggingface.co/docs/safetensors describes it: an 8-byte
little-endian unsigned header length N, N bytes of UTF-8 JSON (may be padded with spaces),
then the byte buffer. Each tensor: dtype, shape, data_offsets [begin, end) relative to the
buffer; the tensors must fill the buffer contiguously, without holes or overlaps.

It also checks what our writer promises beyond the spec: the buffer starts at a multiple of
8 bytes and __metadata__ has "format": "pt". F32/F16/BF16 values are decoded with struct
and reported (count of NaN/inf, min, max) so a corrupt encoding shows.

Usage: check_safetensors.py FILE_OR_MODEL_DIR ...   (exit status 1 on any problem)
"""
import json
import math
import os
import struct
import sys

SIZES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1,
         "U8": 1, "BOOL": 1}


def decode(dtype, raw):
    count = len(raw) // SIZES[dtype]
    if dtype == "F32":
        return struct.unpack("<%df" % count, raw)
    if dtype == "F16":
        return struct.unpack("<%de" % count, raw)
    if dtype == "BF16":
        halves = struct.unpack("<%dH" % count, raw)
        return [struct.unpack("<f", struct.pack("<I", h << 16))[0] for h in halves]
    return None


def check_file(path):
    problems = []
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        if size < 8:
            return ["%s: %d bytes, shorter than the header length" % (path, size)]
        (n,) = struct.unpack("<Q", f.read(8))
        if n > size - 8:
            return ["%s: header length %d beyond the file (%d bytes)" % (path, n, size)]
        header_bytes = f.read(n)
        if not header_bytes.startswith(b"{"):
            problems.append("header does not start with '{'")
        header = json.loads(header_bytes.decode("utf-8"))
        buffer_start = 8 + n
        if buffer_start % 8 != 0:
            problems.append("data starts at byte %d, not a multiple of 8" % buffer_start)
        if header_bytes.rstrip(b" ") != header_bytes.rstrip():
            problems.append("header padded with something other than spaces")
        metadata = header.pop("__metadata__", None)
        if metadata is None or metadata.get("format") != "pt":
            problems.append("__metadata__ lacks \"format\": \"pt\": %r" % (metadata,))
        buffer_len = size - buffer_start
        extents = []
        for name, entry in header.items():
            dtype, shape, (begin, end) = entry["dtype"], entry["shape"], entry["data_offsets"]
            if dtype not in SIZES:
                problems.append("%s: unknown dtype %s" % (name, dtype))
                continue
            expected = math.prod(shape) * SIZES[dtype]
            if end - begin != expected:
                problems.append("%s: %d bytes for %s %s (needs %d)" % (name, end - begin, dtype, shape, expected))
            if buffer_start % 8 == 0 and (buffer_start + begin) % SIZES[dtype] != 0:
                problems.append("%s: not aligned to its %d-byte elements" % (name, SIZES[dtype]))
            extents.append((begin, end, name))
        position = 0
        for begin, end, name in sorted(extents):
            if begin != position:
                problems.append("%s begins at %d, expected %d (hole or overlap)" % (name, begin, position))
            position = max(position, end)
        if position != buffer_len:
            problems.append("tensors cover %d bytes of a %d-byte buffer" % (position, buffer_len))
        summary = []
        for begin, end, name in extents:
            entry = header[name]
            f.seek(buffer_start + begin)
            values = decode(entry["dtype"], f.read(end - begin))
            finite = [v for v in values if math.isfinite(v)] if values is not None else []
            summary.append("  %-40s %-4s %-14s nan=%d inf=%d min=%s max=%s" % (
                name, entry["dtype"], shape_text(entry["shape"]),
                sum(1 for v in values if math.isnan(v)) if values else 0,
                sum(1 for v in values if math.isinf(v)) if values else 0,
                "%.6g" % min(finite) if finite else "-", "%.6g" % max(finite) if finite else "-"))
    print("%s: %d tensors, header %d bytes, data at byte %d, metadata %s" % (
        path, len(extents), n, buffer_start, json.dumps(metadata)))
    print("\n".join(summary))
    return ["%s: %s" % (path, p) for p in problems]


def shape_text(shape):
    return "[" + ",".join(str(d) for d in shape) + "]"


def check_folder(folder):
    single = os.path.join(folder, "model.safetensors")
    if os.path.isfile(single):
        return check_file(single)
    index_path = os.path.join(folder, "model.safetensors.index.json")
    with open(index_path, encoding="utf-8") as f:
        index = json.load(f)
    problems = []
    total = 0
    for shard in sorted(set(index["weight_map"].values())):
        shard_path = os.path.join(folder, shard)
        problems += check_file(shard_path)
        with open(shard_path, "rb") as f:
            (n,) = struct.unpack("<Q", f.read(8))
            header = json.loads(f.read(n))
        header.pop("__metadata__", None)
        for name, entry in header.items():
            total += entry["data_offsets"][1] - entry["data_offsets"][0]
            if index["weight_map"].get(name) != shard:
                problems.append("%s holds %s, which the index places in %s" % (shard, name, index["weight_map"].get(name)))
    if index.get("metadata", {}).get("total_size") != total:
        problems.append("index total_size %r, shards hold %d bytes" % (index.get("metadata", {}).get("total_size"), total))
    print("%s: %d tensors in %d shards, total_size %d" % (
        index_path, len(index["weight_map"]), len(set(index["weight_map"].values())), total))
    return problems


def main(paths):
    problems = []
    for path in paths:
        problems += check_folder(path) if os.path.isdir(path) else check_file(path)
    for problem in problems:
        print("PROBLEM:", problem)
    print("OK" if not problems else "%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
