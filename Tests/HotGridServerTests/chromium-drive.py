#!/usr/bin/env python3
"""Drives headless Chromium through the DevTools protocol over a pipe (--remote-debugging-pipe;
the standard library only), as a user would: open pages, type into fields, submit forms.

    chromium-drive.py STEPS.json   → prints one JSON result per step that asks for one

Steps (a JSON list), each an object with one key:
  {"viewport": [width, height]}   the window size (a phone: [390, 844]); set before opening pages
  {"open": URL}                    load a page and wait for it
  {"fill": [CSS selector, text]}   type into a field
  {"submit": CSS selector}         submit a form (or click a button) and wait for the next page
  {"wait_for": TEXT}               wait (up to 10 s) until the address contains TEXT and the page has loaded
  {"dom": true}                    print the page's DOM: {"dom": "<html>…", "url": …, "width": scrollWidth}
"""
import json, os, subprocess, sys, tempfile, shutil, time


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="hotgrid-cdp-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():  # in the child: Chromium reads commands on fd 3 and writes answers on fd 4
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.process = subprocess.Popen(
            ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer, self.next_id, self.events = b"", 0, []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self.read()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for_load(self):
        while True:
            event = self.events.pop(0) if self.events else self.read()
            if event.get("method") == "Page.loadEventFired":
                return

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    steps = json.load(open(sys.argv[1]))
    browser = Browser()
    try:
        for step in steps:
            (kind, value), = step.items()
            if kind == "viewport":
                browser.call("Emulation.setDeviceMetricsOverride",
                             {"width": value[0], "height": value[1], "deviceScaleFactor": 1, "mobile": value[0] < 600}, session=True)
            elif kind == "open":
                browser.events.clear()
                browser.call("Page.navigate", {"url": value}, session=True)
                browser.wait_for_load()
            elif kind == "fill":
                selector, text = value
                browser.evaluate(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(text)}")
            elif kind == "submit":
                browser.events.clear()
                browser.evaluate(f"(e => e.form && e.tagName !== 'FORM' ? e.click() : e.requestSubmit ? e.requestSubmit() : e.click())"
                                 f"(document.querySelector({json.dumps(value)}))")
                browser.wait_for_load()
            elif kind == "wait_for":
                deadline = time.monotonic() + 10
                while not browser.evaluate(f"location.href.includes({json.dumps(value)}) && document.readyState === 'complete'"):
                    if time.monotonic() > deadline:
                        raise SystemExit(f"the page never reached {value!r}")
                    time.sleep(0.1)
            elif kind == "dom":
                print(json.dumps({"dom": browser.evaluate("document.documentElement.outerHTML"),
                                  "url": browser.evaluate("location.href"),
                                  "width": browser.evaluate("document.documentElement.scrollWidth")}))
            else:
                raise SystemExit(f"unknown step {kind!r}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
