#!/usr/bin/env python3
"""Glean plugin `readability`: Flesch reading ease and Flesch-Kincaid grade of English text.

Speaks Glean's plugin protocol (JSON-RPC 2.0, one message per line on stdin/stdout; see
docs/plugins.md) with the standard library only.
"""
import json
import re
import sys

PROTOCOL_VERSION = 1
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


def syllables(word):
    """Vowel groups, less a silent final e, at least one."""
    word = word.lower()
    count = len(VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def measure(text, decimals):
    words = WORD.findall(text)
    if not words:
        return None
    sentences = max(1, len(SENTENCE_END.findall(text)))
    syllable_count = sum(syllables(w) for w in words)
    words_per_sentence = len(words) / sentences
    syllables_per_word = syllable_count / len(words)
    return {
        "flesch_reading_ease": round(206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word, decimals),
        "flesch_kincaid_grade": round(0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59, decimals),
        "words": len(words),
        "sentences": sentences,
        "syllables": syllable_count,
    }


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main():
    decimals = 1
    for line in sys.stdin:
        try:
            request = json.loads(line)
        except ValueError:
            send({"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
            continue
        rid, method, params = request.get("id"), request.get("method"), request.get("params") or {}
        if method == "initialize":
            if params.get("protocol_version") != PROTOCOL_VERSION:
                send({"jsonrpc": "2.0", "id": rid, "error": {"code": -32000, "message": "unsupported protocol version"}})
                continue
            decimals = int(params.get("configuration", {}).get("decimals", 1))
            send({"jsonrpc": "2.0", "id": rid, "result": {"name": "readability", "version": "1.0.0",
                                                           "protocol_version": PROTOCOL_VERSION, "max_batch": 500}})
        elif method == "analyze":
            results = []
            for document in params.get("documents", []):
                scores = measure(document.get("text", ""), decimals)
                if scores is None:
                    results.append({"id": document["id"], "skipped": "no words"})
                else:
                    results.append({"id": document["id"], "output": scores})
            send({"jsonrpc": "2.0", "id": rid, "result": {"results": results}})
        elif method == "shutdown":
            send({"jsonrpc": "2.0", "id": rid, "result": None})
            return
        else:
            send({"jsonrpc": "2.0", "id": rid, "error": {"code": -32601, "message": f"method not found: {method}"}})


if __name__ == "__main__":
    main()
