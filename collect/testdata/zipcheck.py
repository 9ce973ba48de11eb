# Independent reader for the tests: lists every entry of a zip with its
# size and sha256, read by Python's zipfile (not Go's archive/zip).
import hashlib, json, sys, zipfile

out = {}
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        h = hashlib.sha256()
        with z.open(info) as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        out[info.filename] = {"size": info.file_size, "sha256": h.hexdigest(), "utf8": bool(info.flag_bits & 0x800)}
json.dump(out, sys.stdout, ensure_ascii=False)
