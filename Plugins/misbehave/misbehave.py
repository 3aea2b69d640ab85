#!/usr/bin/env python3
"""A Glean test plugin that misbehaves on command, for the host's failure tests.

Settings: `mode` (how the handshake and protocol go wrong):
  ok               behave (output: the text's length)
  exit_on_init     exit during the handshake
  wrong_protocol   answer `initialize` with protocol version 99
  noise            write a non-protocol line and an answer with an unknown id before each answer
  fewer            answer `analyze` with one result fewer than documents
  stderr_flood     write 5 MB to standard error at start-up
  ignore_shutdown  ignore `shutdown` and SIGTERM
Setting `max_batch` is answered at the handshake; a larger `analyze` request makes it exit (4).
Documents whose text holds CRASH make it exit; HANG makes it stop answering.
"""
import json
import os
import signal
import sys
import time


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    mode = "ok"
    max_batch = 1000
    for line in sys.stdin:
        request = json.loads(line)
        rid, method, params = request.get("id"), request.get("method"), request.get("params") or {}
        if method == "initialize":
            mode = params.get("configuration", {}).get("mode", "ok")
            max_batch = params.get("configuration", {}).get("max_batch", 1000)
            if mode == "exit_on_init":
                os._exit(2)
            if mode == "stderr_flood":
                for _ in range(5 * 1024):
                    sys.stderr.write("x" * 1023 + "\n")
                sys.stderr.flush()
            if mode == "ignore_shutdown":
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
            version = 99 if mode == "wrong_protocol" else params.get("protocol_version")
            send({"jsonrpc": "2.0", "id": rid, "result": {"name": "misbehave", "version": "1.0.0",
                                                           "protocol_version": version, "max_batch": max_batch}})
        elif method == "analyze":
            documents = params["documents"]
            if len(documents) > max_batch:
                sys.stderr.write(f"{len(documents)} documents, more than max_batch {max_batch}\n")
                os._exit(4)
            for document in documents:
                if "CRASH" in document["text"]:
                    os._exit(3)
                if "HANG" in document["text"]:
                    time.sleep(3600)
            if mode == "noise":
                sys.stdout.write("debug: this line is not JSON-RPC\n")
                send({"jsonrpc": "2.0", "id": 999999, "result": {"results": []}})
            results = [{"id": d["id"], "output": len(d["text"])} for d in documents]
            if mode == "fewer":
                results = results[:-1]
            send({"jsonrpc": "2.0", "id": rid, "result": {"results": results}})
        elif method == "shutdown":
            if mode == "ignore_shutdown":
                continue
            send({"jsonrpc": "2.0", "id": rid, "result": None})
            return


if __name__ == "__main__":
    main()
