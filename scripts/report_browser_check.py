#!/usr/bin/env python3
"""Opens a Glean report in headless Chromium over the DevTools protocol and checks what a person
would: the matrix has the expected cells, the timeline has points, a click on a cell shows its
evidence, no console errors, nothing fetched from the network (the page loads offline). Saves
screenshots (light and dark) when asked.

    report_browser_check.py REPORT.html [--expect-cell AM:CSTO:opposed ...] [--screenshots DIR]

Needs Debian's `chromium` and the `websocket-client` package. Exits 1 with the failed checks."""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.request

import websocket  # websocket-client


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="glean-report-check-")
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for_load(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.evaluate("document.readyState") == "complete":
                return
            time.sleep(0.05)
        raise RuntimeError("the page did not finish loading in 30 s")

    def screenshot(self, path, height):
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=height, deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--expect-cell", action="append", default=[], help="ACTOR:BLOC:STANCE that must be a cell")
    parser.add_argument("--min-timeline-points", type=int, default=1)
    parser.add_argument("--screenshots", help="folder for report-light.png, report-dark.png, report-evidence.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()

    failures = []
    def check(condition, what):
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            failures.append(what)

    browser = Browser(args.chromium)
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.call(f"{domain}.enable")
        # Offline: any request that leaves the file fails, and is recorded.
        browser.call("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                     uploadThroughput=-1)
        url = "file://" + os.path.abspath(args.report)
        browser.call("Page.navigate", url=url)
        browser.wait_for_load()

        cells = browser.evaluate("""Array.from(document.querySelectorAll('td.cell')).map(td =>
            td.dataset.actor + ':' + td.dataset.bloc + ':' + td.querySelector('a').className.replace('st-', ''))""")
        check(len(cells) > 0, f"the matrix has cells ({len(cells)})")
        for expected in args.expect_cell:
            check(expected in cells, f"the matrix has the cell {expected}")
        points = browser.evaluate("document.querySelectorAll('#timeline ~ .tl svg.lanes circle.pt').length")
        check(points >= args.min_timeline_points, f"the timeline has points ({points})")
        tone_points = browser.evaluate("document.querySelectorAll('svg.tone circle.pt').length")
        check(tone_points > 0, f"the tone charts have points ({tone_points})")
        first = args.expect_cell[0].split(":") if args.expect_cell else cells[0].split(":")
        shown = browser.evaluate(f"""(() => {{
            const link = document.querySelector('td.cell[data-actor="{first[0]}"][data-bloc="{first[1]}"] a');
            link.click();
            const target = document.getElementById(location.hash.slice(1));
            if (!target) return null;
            const box = target.getBoundingClientRect();
            return {{hash: location.hash, top: box.top, items: target.querySelectorAll('li').length,
                     text: target.innerText.slice(0, 400)}};
        }})()""")
        check(bool(shown) and shown["items"] > 0 and 0 <= shown["top"] < 900,
              f"a click on {first[0]}–{first[1]} scrolls to its evidence ({shown and shown['items']} documents)")
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            browser.screenshot(os.path.join(args.screenshots, "report-evidence.png"), 700)
        browser.evaluate("window.scrollTo(0, 0)")
        time.sleep(0.2)
        if args.screenshots:
            browser.screenshot(os.path.join(args.screenshots, "report-light.png"), 1500)
            browser.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
            browser.evaluate("document.getElementById('matrix').scrollIntoView()")
            time.sleep(0.2)
            browser.screenshot(os.path.join(args.screenshots, "report-dark.png"), 1100)
            browser.call("Emulation.setEmulatedMedia", features=[])
        pdf = browser.call("Page.printToPDF", printBackground=True)["data"]
        check(len(base64.b64decode(pdf)) > 10_000, "the page prints (PDF)")

        # Drain events that arrived after the last call.
        browser.socket.settimeout(0.5)
        try:
            while True:
                browser.events.append(json.loads(browser.socket.recv()))
        except Exception:
            pass
        errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"
                  or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"))
                  or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")]
        check(not errors, f"no console errors ({len(errors)})")
        for error in errors[:5]:
            print("      ", json.dumps(error["params"])[:300])
        requests = [e["params"]["request"]["url"] for e in browser.events
                    if e.get("method") == "Network.requestWillBeSent"]
        outside = [u for u in requests if not u.startswith(("file:", "data:", "about:"))]
        check(not outside, f"nothing fetched from the network ({len(outside)} requests: {outside[:3]})")
    finally:
        browser.close()
    print(f"{len(failures) == 0 and 'passed' or 'FAILED'}: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
