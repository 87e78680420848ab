#!/usr/bin/env python3
"""datasketch MinHash + MinHashLSH over the bench corpus with datatrove's shape (5-word
shingles of lower-cased words, 112 permutations in 14 bands × 8 rows); prints one JSON line
with the documents removed (all but the lowest id of each candidate cluster)."""
import json
import sys
import time

from datasketch import MinHash, MinHashLSH

corpus = sys.argv[1]
start = time.time()
lsh = MinHashLSH(num_perm=112, params=(14, 8))
parent = {}


def root(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


for line in open(corpus, encoding="utf-8"):
    doc = json.loads(line)
    words = doc["text"].lower().split()
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    sig = MinHash(num_perm=112)
    sig.update_batch([s.encode("utf-8") for s in shingles])
    key = doc["id"]
    parent[key] = key
    for other in lsh.query(sig):
        a, b = root(key), root(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    lsh.insert(key, sig)
removed = sorted(k for k in parent if root(k) != k)
print(json.dumps({"mode": "datasketch", "seconds": time.time() - start, "removed": removed}))
