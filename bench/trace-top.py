"""Where one code path spends its time, from a dotnet-trace speedscope file.

    dotnet-trace collect --format Speedscope -o import.nettrace -- dotnet AseanJapanNews.Web.dll import --content DIR
    python3 bench/trace-top.py import.speedscope.json WriteBatchAsync

Counts only the samples whose stack contains the marker frame (e.g. the importer's writer), so the idle thread-pool
threads that dominate a whole-process profile do not hide where that path's time goes; prints inclusive shares.
"""
import collections
import json
import sys

path, marker = sys.argv[1], sys.argv[2]
data = json.load(open(path, encoding="utf-8"))
frames = data["shared"]["frames"]
inclusive = collections.Counter()
total = 0.0
for profile in data["profiles"]:
    if profile["type"] != "evented":
        continue
    stack, last = [], None
    for event in profile["events"]:
        if last is not None and stack:
            names = [frames[i]["name"] for i in stack]
            if any(marker in n for n in names):
                weight = event["at"] - last
                total += weight
                for name in set(names):
                    inclusive[name] += weight
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()
for name, weight in inclusive.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 40):
    print(f"{100 * weight / total:5.1f}%  {name[:150]}")
