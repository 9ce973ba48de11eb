# Writes a tree of text logs (varied lines, as real logs are) and some
# incompressible files for bench/collect.sh. Usage: gen_logs.py DIR MIB
import os, random, sys

root, total_mib = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
words = ["activation", "license", "SPP", "service", "started", "stopped", "error", "warning",
         "request", "response", "token", "KMS", "client", "server", "timeout", "retry",
         "network", "adapter", "update", "package", "installed", "CBS", "DISM", "Panther",
         "失败", "成功", "激活", "服务器"]
levels = ["INFO", "WARN", "ERROR", "DEBUG"]


def line():
    return "2026-%02d-%02d %02d:%02d:%02d.%03d %s [%5d] %s 0x%08x %s\n" % (
        rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 23), rnd.randint(0, 59),
        rnd.randint(0, 59), rnd.randint(0, 999), rnd.choice(levels), rnd.randint(1, 65535),
        " ".join(rnd.choice(words) for _ in range(rnd.randint(4, 12))),
        rnd.getrandbits(32), rnd.choice(words))


pool = [line().encode() for _ in range(50000)]
text_bytes = total_mib * 1024 * 1024 * 9 // 10
random_bytes = total_mib * 1024 * 1024 - text_bytes
written, n = 0, 0
while written < text_bytes:
    size = min(rnd.choice([64 << 10, 1 << 20, 4 << 20, 16 << 20, 48 << 20]), text_bytes - written)
    d = os.path.join(root, "logs", "dir%02d" % (n % 17), "sub%d" % (n % 3))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "app%04d.log" % n), "wb") as f:
        left = size
        while left > 0:
            chunk = b"".join(rnd.choices(pool, k=2000))[:left]
            f.write(chunk)
            left -= len(chunk)
    written += size
    n += 1
d = os.path.join(root, "binary")
os.makedirs(d, exist_ok=True)
for i in range(4):
    with open(os.path.join(d, "blob%d.bin" % i), "wb") as f:
        f.write(os.urandom(random_bytes // 4))
print("%d text files, %d MiB text, %d MiB incompressible" % (n, text_bytes >> 20, random_bytes >> 20))
