"""Print counts (markdown) for README.md: python3 stats.py"""
import collections, glob, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
rows = [json.loads(l) for p in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))) for l in open(p, encoding="utf-8")]
harm = [r for r in rows if r["labels"]]
print(f"- lines: {len(rows)} (harmful {len(harm)}, harmless {len(rows)-len(harm)})")
print(f"- hand-written: {sum(r['source']=='hand' for r in rows)} (hand.jsonl), composed: {sum(r['source']=='composed' for r in rows)} (composed.jsonl)")
print(f"- severity high: {sum(r.get('severity')=='high' for r in rows)}")
print(f"- harmless one-to-one (benign_oneto1): {sum(r['behaviour']=='benign_oneto1' for r in rows)}, harmless notices: {sum(r['behaviour']=='benign_notice' for r in rows)}")
for title, key in (("label", None), ("behaviour", "behaviour"), ("register", "register")):
    c = collections.Counter()
    for r in rows:
        if key is None:
            for l in r["labels"] or ["(none)"]:
                c[l] += 1
        else:
            c[r[key]] += 1
    print(f"\n| {title} | lines |\n|---|---|")
    for k, v in c.most_common():
        print(f"| {k} | {v} |")
fr = collections.Counter(r.get("frame") for r in rows if r["source"] == "composed")
print(f"\nlargest composer frame: {max(fr.values())} lines = {100*max(fr.values())/len(rows):.1f}% of all lines")
